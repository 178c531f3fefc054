package nl.wegwijzer.helpdesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;

/** The helpdesk's labels and e-mail texts, from {@code content/helpdesk.yml}; maps keep the file's order. */
record HelpdeskTexts(Map<String, String> statuses, Map<String, String> dialogStates, Map<String, String> routes,
		Map<String, String> closeReasons, Map<String, String> views, Email email, Errors errors) {

	HelpdeskTexts {
		statuses = ordered(statuses);
		dialogStates = ordered(dialogStates);
		routes = ordered(routes);
		closeReasons = ordered(closeReasons);
		views = ordered(views);
	}

	private static Map<String, String> ordered(Map<String, String> labels) {
		return Collections.unmodifiableMap(new LinkedHashMap<>(labels));
	}

	record Email(String subject, String body, String notConfigured, String noAddress, String failed) {
	}

	/** Messages of the staff API's refusals; {@code {placeholders}} are filled in by the caller. */
	record Errors(String closeReason, String queryTooLong, String presence) {
	}

	static HelpdeskTexts load() {
		try (InputStream in = new ClassPathResource("content/helpdesk.yml").getInputStream()) {
			return YAMLMapper.builder()
				.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.build()
				.readValue(in, HelpdeskTexts.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read content/helpdesk.yml", ex);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Cannot read content/helpdesk.yml", ex);
		}
	}

}
