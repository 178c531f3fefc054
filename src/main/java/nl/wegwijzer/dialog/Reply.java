package nl.wegwijzer.dialog;

import java.util.List;

import nl.wegwijzer.nlu.Classification;

/**
 * What the bot says: the text, the intents it answered (in order, the first as {@code intent}), and
 * buttons that lead on.
 */
public record Reply(String text, String intent, List<String> intents, double confidence, List<String> quickReplies,
		DialogState state) {

	public Reply {
		intents = List.copyOf(intents);
		quickReplies = List.copyOf(quickReplies);
	}

	/** A reply to one question: it answered {@code intent}, unless that is the fallback. */
	public Reply(String text, String intent, double confidence, List<String> quickReplies, DialogState state) {
		this(text, intent, intent.equals(Classification.FALLBACK) ? List.of() : List.of(intent), confidence,
				quickReplies, state);
	}

	public Reply withText(String text) {
		return new Reply(text, this.intent, this.intents, this.confidence, this.quickReplies, this.state);
	}

}
