package nl.wegwijzer.nlu;

import java.util.List;
import java.util.Objects;

/**
 * One intent from {@code intents/NAME.yml}: how visitors ask it and how the bot answers.
 *
 * @param name the file name without extension
 * @param label a short Dutch noun phrase, used when the bot asks "Bedoel je … of …?"
 * @param answer the reply text
 * @param why the reply to a follow-up "waarom?", or {@code null} when the source gives no reason
 * @param quickReplies buttons that lead on
 * @param examples training utterances
 * @param social whether the intent is only politeness (a greeting, thanks, goodbye): left out of a
 * message that also asks something
 */
public record Intent(String name, String label, String answer, String why, List<String> quickReplies,
		List<String> examples, boolean social) {

	public Intent {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(answer, "answer of " + name);
		label = label == null ? name : label;
		quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
		examples = examples == null ? List.of() : List.copyOf(examples);
	}

}
