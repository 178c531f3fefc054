package nl.wegwijzer.helpdesk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.wegwijzer.system.ContentFiles;

/**
 * What the helpdesk says, from {@code content/helpdesk.yml}: labels, e-mail texts, the staff API's error
 * messages, what a retraining did, the comments of the labelled-examples export. Maps keep the file's order.
 */
record HelpdeskTexts(Map<String, String> statuses, Map<String, String> dialogStates, Map<String, String> routes,
		Map<String, String> closeReasons, Map<String, String> views, Email email, Errors errors, Retrain retrain,
		LabelledExport labelledExport) {

	static final HelpdeskTexts SAY = ContentFiles.read("helpdesk.yml", HelpdeskTexts.class);

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
	record Errors(String closeReason, String queryTooLong, String presence, String badRequest, String notFound,
			String methodNotAllowed, String notAcceptable, String tooLarge, String unsupportedMediaType, String failed,
			String internal, String unreadable, String notMultipart, String unauthorized, String csrf, String adminOnly,
			String tooManyLogins, String minute, String minutes, String noConversation, String unknownStatus,
			String unknownView, String unknownRoute, String limit, String noMessage, String messageTooLong,
			String messageUnreadable, String conversationIdTooLong, String fromAfterTo, String notADate,
			String periodTooLong, String unknownFormat, String noTurn, String unknownIntent, String nothingToLabel,
			String retraining, String noQuestion, String questionTooLong, String noCsv, String emptyCsv,
			String tooManyRows, String rowTooLong, String badCsv) {
	}

	/** What a retraining says it did. */
	record Retrain(String nothingLabelled, String worse, String inUse) {
	}

	/** The comments of the labelled-examples export. */
	record LabelledExport(String header, String empty, String newQuestions) {
	}

}
