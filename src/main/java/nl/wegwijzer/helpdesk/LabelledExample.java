package nl.wegwijzer.helpdesk;

import java.time.Instant;
import java.util.Objects;

/**
 * A visitor's text with the intent staff say it should have had.
 *
 * @param intent an intent name, or {@link #NEW_QUESTION} for a question no intent covers yet
 * @param createdBy the staff member's username
 */
record LabelledExample(long id, String text, String intent, Instant createdAt, String createdBy) {

	/** Not an intent: the question deserves a new one, so it is exported for review but never trained on. */
	static final String NEW_QUESTION = "nieuwe_vraag";

	LabelledExample {
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(intent, "intent");
		Objects.requireNonNull(createdAt, "createdAt");
		Objects.requireNonNull(createdBy, "createdBy");
	}

}
