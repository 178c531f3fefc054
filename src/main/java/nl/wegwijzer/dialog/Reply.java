package nl.wegwijzer.dialog;

import java.util.List;

/** What the bot says: the text, the intent it understood, and buttons that lead on. */
public record Reply(String text, String intent, double confidence, List<String> quickReplies, DialogState state) {

	public Reply {
		quickReplies = List.copyOf(quickReplies);
	}

}
