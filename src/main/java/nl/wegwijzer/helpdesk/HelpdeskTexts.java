package nl.wegwijzer.helpdesk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.wegwijzer.system.ContentFiles;

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
		return ContentFiles.read("helpdesk.yml", HelpdeskTexts.class);
	}

}
