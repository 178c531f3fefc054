package nl.wegwijzer.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * The content files: what visitors and staff read, in {@code src/main/resources/content/}, edited apart
 * from the code. Keys no record reads (notes for editors, say) are allowed.
 */
public final class ContentFiles {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private ContentFiles() {
	}

	/** Reads {@code content/<name>} into a record; a missing or malformed file stops the start. */
	public static <T> T read(String name, Class<T> type) {
		String path = "content/" + name;
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return YAML.readValue(in, type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path, ex);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Cannot read " + path, ex);
		}
	}

}
