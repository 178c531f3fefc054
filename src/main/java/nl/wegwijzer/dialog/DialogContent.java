package nl.wegwijzer.dialog;

import java.util.List;
import java.util.Map;

import nl.wegwijzer.system.ContentFiles;

/** The dialog's own texts and the sector routing, from {@code content/dialog.yml}. */
record DialogContent(Impact impact, Youth youth, SectorChoice sector, Phrases phrases, Map<String, List<More>> more) {

	DialogContent {
		more = Map.copyOf(more);
	}

	/** {@code cues}: words after which a visitor says where the impact lies ("vooral", "de impact ligt"). */
	record Impact(String question, List<String> cues, String explanation, Option education, Option youth) {
	}

	record Option(String option, List<String> keywords) {
	}

	record Youth(String id, String name, String reply) {
	}

	record SectorChoice(String question, String explanation, String reply, List<Sector> sectors) {
	}

	/** {@code name} is the button, {@code inSentence} the name in a reply ("bij de sector mbo"). */
	record Sector(String id, String name, String inSentence, List<String> keywords) {
	}

	record Phrases(String unclear, String giveUp, List<String> giveUpReplies, String clarify, String clarifyOther,
			String suggest, String suggestOther, String repeatedFallback, String noReason, String released,
			List<String> routedReplies, String consortiumQuestion, String notAnswered, String askNext, String english) {
	}

	/** The next part of a list too long for one bubble, behind a button with this label. */
	record More(String label, String text) {
	}

	static DialogContent load() {
		return ContentFiles.read("dialog.yml", DialogContent.class);
	}

}
