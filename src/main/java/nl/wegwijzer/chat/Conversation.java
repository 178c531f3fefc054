package nl.wegwijzer.chat;

import java.time.Instant;

import nl.wegwijzer.dialog.DialogContext;

/**
 * A visitor's conversation as stored; immutable, each change is a new value.
 *
 * @param analytics whether the visitor's latest consent allows analytics
 * @param handling how the helpdesk handles it, beside what the bot remembers
 */
public record Conversation(String id, String sessionId, Instant startedAt, Instant lastActiveAt, Status status,
		boolean analytics, DialogContext dialog, Handling handling) {

	public Conversation {
		handling = (handling == null) ? Handling.NONE : handling;
	}

	/** Who is answering the visitor. */
	public enum Status {

		/** The bot answers. */
		BOT,
		/** The visitor asked for a person while staff were available; the bot answers until staff take over. */
		WAITING,
		/** A staff member answers; the bot is silent. */
		TAKEN_OVER,
		/** The visitor left an e-mail address for an answer; the bot answers meanwhile. */
		OFFLINE_MESSAGE,
		/** The visitor said goodbye or staff closed it; a new message opens it again. */
		CLOSED

	}

	/**
	 * The helpdesk's side of a conversation.
	 *
	 * @param assignee the user name of the staff member who owns it, or {@code null}
	 * @param email the address the visitor left for an answer, or {@code null}
	 * @param waitingSince when the visitor last asked for a person; kept after the answer, for statistics
	 * @param firstResponseAt when staff first answered after that, in the chat or by e-mail
	 * @param offeredEmailAt when the bot told the visitor nobody could come and asked for an address: at once
	 * on a request for a person nobody can take, or after a wait; until then an address is no offline message
	 * @param closedAt when it was closed, while it is
	 * @param closeReason why: a reason staff chose, {@code goodbye}, {@code ended} when the visitor ended it, or
	 * {@code no_reply} for a wait the visitor left
	 */
	public record Handling(String assignee, String email, Instant waitingSince, Instant firstResponseAt,
			Instant offeredEmailAt, Instant closedAt, String closeReason) {

		public static final Handling NONE = new Handling(null, null, null, null, null, null, null);

		/** The reason of a close by the visitor's goodbye. */
		public static final String GOODBYE = "goodbye";

		/** The reason of a close by the visitor's "Gesprek beëindigen". */
		public static final String ENDED = "ended";

		/** The reason of a close of a wait the visitor left: gone, and past resuming the conversation. */
		public static final String NO_REPLY = "no_reply";

		Handling assignedTo(String assignee) {
			return new Handling(assignee, this.email, this.waitingSince, this.firstResponseAt, this.offeredEmailAt,
					this.closedAt, this.closeReason);
		}

		Handling withEmail(String email) {
			return new Handling(this.assignee, email, this.waitingSince, this.firstResponseAt, this.offeredEmailAt,
					this.closedAt, this.closeReason);
		}

		/** A new request for a person: the clock starts again, and it waits for a new first response. */
		Handling waitingFrom(Instant since) {
			return new Handling(this.assignee, this.email, since, null, null, this.closedAt, this.closeReason);
		}

		Handling notWaiting() {
			return new Handling(this.assignee, this.email, null, null, null, this.closedAt, this.closeReason);
		}

		/** Staff answered; only the first answer after a request counts. */
		Handling answeredAt(Instant at) {
			return (this.firstResponseAt != null) ? this
					: new Handling(this.assignee, this.email, this.waitingSince, at, this.offeredEmailAt, this.closedAt,
							this.closeReason);
		}

		Handling emailOfferedAt(Instant at) {
			return new Handling(this.assignee, this.email, this.waitingSince, this.firstResponseAt, at, this.closedAt,
					this.closeReason);
		}

		Handling closed(Instant at, String reason) {
			return new Handling(this.assignee, this.email, this.waitingSince, this.firstResponseAt, this.offeredEmailAt,
					at, reason);
		}

		Handling opened() {
			return new Handling(this.assignee, this.email, this.waitingSince, this.firstResponseAt, this.offeredEmailAt,
					null, null);
		}

	}

	Conversation with(Status status, DialogContext dialog, Instant now) {
		return new Conversation(this.id, this.sessionId, this.startedAt, now, status, this.analytics, dialog,
				this.handling);
	}

	Conversation with(Handling handling) {
		return new Conversation(this.id, this.sessionId, this.startedAt, this.lastActiveAt, this.status, this.analytics,
				this.dialog, handling);
	}

	Conversation withAnalytics(boolean analytics) {
		return new Conversation(this.id, this.sessionId, this.startedAt, this.lastActiveAt, this.status, analytics,
				this.dialog, this.handling);
	}

}
