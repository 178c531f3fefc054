package nl.wegwijzer.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)\\}");

	private ContentFiles() {
	}

	/**
	 * A content text with its {@code {key}} placeholders filled in, from pairs of key and value, in one
	 * pass: a value that holds "{name}" (what a visitor wrote, say) is never replaced in its turn. A
	 * placeholder without a value stays as it is.
	 */
	public static String fill(String template, Object... keysAndValues) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
			values.put(String.valueOf(keysAndValues[i]), String.valueOf(keysAndValues[i + 1]));
		}
		return PLACEHOLDER.matcher(template)
			.replaceAll((match) -> Matcher.quoteReplacement(values.getOrDefault(match.group(1), match.group())));
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
