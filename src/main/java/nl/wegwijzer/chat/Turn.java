package nl.wegwijzer.chat;

import java.time.Instant;
import java.util.List;

/**
 * One stored exchange of a conversation.
 *
 * @param author {@link Author#BOT} for a reply (with the visitor's text that prompted it, if any),
 * {@link Author#VISITOR} for a message while staff have taken over, {@link Author#AGENT} for staff,
 * {@link Author#NOTE} for a staff note the visitor never sees, {@link Author#EMAIL} for an answer staff
 * sent by e-mail (the text as sent, signed with the staff member's name)
 * @param receivedAt when the visitor's text arrived, or {@code null}
 * @param sentAt when the reply went out, or {@code null}
 * @param quickReplies the answers the bot offered with its reply, if any
 * @param rating the visitor's rating of a bot reply, {@link #UP} or {@link #DOWN}, or {@code null}
 */
public record Turn(long id, Author author, String visitorText, String reply, String agentName, String intent,
		Double confidence, String state, Instant receivedAt, Instant sentAt, List<String> quickReplies,
		String rating) {

	public static final String UP = "up";

	public static final String DOWN = "down";

	public Turn {
		quickReplies = List.copyOf(quickReplies);
	}

	/** A turn as it is stored: not rated yet. */
	public Turn(long id, Author author, String visitorText, String reply, String agentName, String intent,
			Double confidence, String state, Instant receivedAt, Instant sentAt, List<String> quickReplies) {
		this(id, author, visitorText, reply, agentName, intent, confidence, state, receivedAt, sentAt, quickReplies,
				null);
	}

	public enum Author {

		BOT, VISITOR, AGENT, NOTE, EMAIL

	}

}
