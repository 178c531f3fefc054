package nl.wegwijzer.chat;

import java.time.Instant;

import nl.wegwijzer.dialog.DialogContext;

/**
 * A visitor's conversation as stored; immutable, each change is a new value.
 *
 * @param analytics whether the visitor's latest consent allows analytics
 */
public record Conversation(String id, String sessionId, Instant startedAt, Instant lastActiveAt, Status status,
		boolean analytics, DialogContext dialog) {

	/** Who is answering the visitor. */
	public enum Status {

		/** The bot answers. */
		BOT,
		/** The visitor asked for a person; the bot answers until staff take over. */
		WAITING,
		/** A staff member answers; the bot is silent. */
		TAKEN_OVER,
		/** The visitor said goodbye; a new message opens it again. */
		CLOSED

	}

	Conversation with(Status status, DialogContext dialog, Instant now) {
		return new Conversation(this.id, this.sessionId, this.startedAt, now, status, this.analytics, dialog);
	}

	Conversation withAnalytics(boolean analytics) {
		return new Conversation(this.id, this.sessionId, this.startedAt, this.lastActiveAt, this.status, analytics,
				this.dialog);
	}

}
