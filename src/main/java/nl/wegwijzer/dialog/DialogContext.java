package nl.wegwijzer.dialog;

import java.util.List;

import nl.wegwijzer.consortium.Consortium;

/**
 * What the dialog remembers between messages; stored with the conversation as JSON.
 *
 * @param lastIntent the topic of the last answer, for follow-ups such as "en hoe lang?"
 * @param options the intents offered in a "Bedoel je … of …?" question
 * @param retries how often the pending question was asked again
 * @param fallbacks how many messages in a row were not understood
 * @param route where the visitor should apply: {@code jeugd} or an education sector id, once known
 * @param consortium what the visitor told about their consortium so far
 */
public record DialogContext(DialogState state, String lastIntent, List<String> options, int retries, int fallbacks,
		String route, Consortium consortium) {

	public DialogContext {
		options = options == null ? List.of() : List.copyOf(options);
		consortium = consortium == null ? Consortium.empty() : consortium;
	}

	static DialogContext start() {
		return new DialogContext(DialogState.OPEN, null, List.of(), 0, 0, null, Consortium.empty());
	}

}
