package nl.wegwijzer.chat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import nl.wegwijzer.system.ContentFiles;

/** What the chat tells a visitor about the helpdesk, from {@code content/handoff.yml}. */
record HandoffTexts(String waiting, String queueFirst, String queueOne, String queueMany, String estimateSoon,
		String estimateMinutes, String estimateUnknown, String stillWaiting, String keptForStaff,
		List<String> cancelPhrases, List<String> smallTalkPhrases, String cancelled, String offline, String gaveUp,
		String privacy, String notUnderstood, String emailReceived, String joined, String joinedUnnamed, String left,
		String leftUnnamed, String leftForColleague, String leftForColleagueUnnamed, String closed, String staffName,
		String staffNameUnnamed) {

	HandoffTexts {
		cancelPhrases = List.copyOf(cancelPhrases);
		smallTalkPhrases = List.copyOf(smallTalkPhrases);
	}

	static HandoffTexts load() {
		return ContentFiles.read("handoff.yml", HandoffTexts.class);
	}

	/** Where the visitor stands: {@code ahead} visitors asked before them. */
	String queue(int ahead) {
		return switch (ahead) {
			case 0 -> this.queueFirst;
			case 1 -> this.queueOne;
			default -> this.queueMany.replace("{ahead}", Integer.toString(ahead));
		};
	}

	/** An estimate of the wait, or that there is none to give. */
	String estimate(Duration wait) {
		if (wait == null) {
			return this.estimateUnknown;
		}
		long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
		return (minutes == 1) ? this.estimateSoon : this.estimateMinutes.replace("{minutes}", Long.toString(minutes));
	}

	String waiting(int ahead, Duration wait) {
		return this.waiting.replace("{queue}", queue(ahead)).replace("{estimate}", estimate(wait));
	}

	String offline(int keptDays) {
		return this.offline.replace("{privacy}", privacy(keptDays));
	}

	String gaveUp(int keptDays) {
		return this.gaveUp.replace("{privacy}", privacy(keptDays));
	}

	private String privacy(int keptDays) {
		return this.privacy.replace("{days}", Integer.toString(keptDays));
	}

	/** How the chat page names a staff member: "Anna van de helpdesk", or only the helpdesk's name. */
	String staffLabel(String name) {
		return named(name) ? this.staffName.replace("{name}", name.strip()) : this.staffNameUnnamed;
	}

	String joined(String name) {
		return named(name) ? this.joined.replace("{name}", name) : this.joinedUnnamed;
	}

	String left(String name) {
		return named(name) ? this.left.replace("{name}", name) : this.leftUnnamed;
	}

	String leftForColleague(String name) {
		return named(name) ? this.leftForColleague.replace("{name}", name) : this.leftForColleagueUnnamed;
	}

	/** "Helpdesk van de helpdesk" reads oddly: a display name that is only the helpdesk's is no name. */
	static boolean named(String name) {
		return name != null && !name.isBlank() && !name.strip().toLowerCase(Locale.ROOT).equals("helpdesk");
	}

}
