package nl.wegwijzer.consent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * The cookie policy a visitor consents to. The version is a hash of the whole policy, so any change
 * of text or categories is a new version.
 */
public record ConsentPolicy(String version, String text, List<Category> categories) {

	public static final String NECESSARY = "necessary";

	/** A kind of cookie the visitor can allow or refuse; {@code required} ones cannot be refused. */
	public record Category(String id, String label, String description, boolean required) {
	}

	public ConsentPolicy {
		categories = List.copyOf(categories);
	}

	static ConsentPolicy load(String classpathLocation) {
		try (InputStream in = new ClassPathResource(classpathLocation).getInputStream()) {
			byte[] content = in.readAllBytes();
			Content parsed = YAMLMapper.builder()
				.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.build()
				.readValue(content, Content.class);
			return new ConsentPolicy(versionOf(content), parsed.text().strip(), parsed.categories());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the cookie policy " + classpathLocation, ex);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Cannot read the cookie policy " + classpathLocation, ex);
		}
	}

	private static String versionOf(byte[] content) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(new String(content, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public boolean knows(String categoryId) {
		return this.categories.stream().anyMatch((c) -> c.id().equals(categoryId));
	}

	private record Content(String text, List<Category> categories) {
	}

}
