package nl.wegwijzer.consortium;

import java.util.List;

/**
 * The outcome of checking a consortium against the basic rules of a strategic partnership.
 *
 * @param eligible whether everything needed was said and nothing breaks a rule
 * @param problems what breaks a rule and what to do about it, one Dutch sentence each
 * @param missing what the visitor has not said yet and is needed for a verdict
 * @param text the whole reply for the visitor: the verdict first, or a question for what is missing
 */
public record Verdict(boolean eligible, List<String> problems, List<String> missing, String text) {

	public Verdict {
		problems = List.copyOf(problems);
		missing = List.copyOf(missing);
	}

}
