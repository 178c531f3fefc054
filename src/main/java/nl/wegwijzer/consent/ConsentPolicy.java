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
 * The cookie policy a visitor consents to: the text and the categories this deployment offers. The
 * version is a hash of exactly what the visitor is shown, so any change of text or categories is a new
 * version.
 */
public record ConsentPolicy(String version, String text, List<Category> categories) {

	public static final String NECESSARY = "necessary";

	/** A kind of cookie the visitor can allow or refuse; {@code required} ones cannot be refused. */
	public record Category(String id, String label, String description, boolean required) {
	}

	public ConsentPolicy {
		categories = List.copyOf(categories);
	}

	/**
	 * The policy with its required categories and those optional ones that {@code offered} names, its text
	 * saying how long conversations ({@code transcriptDays}) and consent records ({@code consentDays}) are
	 * kept.
	 * @throws IllegalStateException when {@code offered} names a category the file does not have
	 */
	static ConsentPolicy load(String classpathLocation, List<String> offered, int transcriptDays, int consentDays) {
		Content parsed = read(classpathLocation);
		for (String id : offered) {
			if (parsed.categories().stream().noneMatch((c) -> c.id().equals(id))) {
				throw new IllegalStateException("wegwijzer.consent.categories names '" + id
						+ "', which " + classpathLocation + " does not have");
			}
		}
		List<Category> shown = parsed.categories()
			.stream()
			.filter((c) -> c.required() || offered.contains(c.id()))
			.toList();
		String text = parsed.text()
			.strip()
			.replace("{transcript}", parsed.periods().of(transcriptDays))
			.replace("{consent}", parsed.periods().of(consentDays));
		return new ConsentPolicy(versionOf(text, shown), text, shown);
	}

	/**
	 * Every category the file defines, offered here or not: a consent record given under an earlier setting
	 * may name one that is no longer offered.
	 */
	static List<Category> defined(String classpathLocation) {
		return List.copyOf(read(classpathLocation).categories());
	}

	private static Content read(String classpathLocation) {
		try (InputStream in = new ClassPathResource(classpathLocation).getInputStream()) {
			return YAMLMapper.builder()
				.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.build()
				.readValue(in, Content.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the cookie policy " + classpathLocation, ex);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Cannot read the cookie policy " + classpathLocation, ex);
		}
	}

	private static String versionOf(String text, List<Category> categories) {
		StringBuilder shown = new StringBuilder(text);
		for (Category category : categories) {
			shown.append('\n')
				.append(String.join("\t", category.id(), category.label(), category.description(),
						String.valueOf(category.required())));
		}
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(shown.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public boolean knows(String categoryId) {
		return this.categories.stream().anyMatch((c) -> c.id().equals(categoryId));
	}

	private record Content(String text, Periods periods, List<Category> categories) {
	}

	/** How the text words a number of days: whole years as years ("5 jaar"), the rest as days. */
	private record Periods(String day, String days, String year, String years) {

		String of(int numberOfDays) {
			if (numberOfDays % 365 == 0) {
				int numberOfYears = numberOfDays / 365;
				return ((numberOfYears == 1) ? this.year : this.years).replace("{n}", Integer.toString(numberOfYears));
			}
			return ((numberOfDays == 1) ? this.day : this.days).replace("{n}", Integer.toString(numberOfDays));
		}

	}

}
