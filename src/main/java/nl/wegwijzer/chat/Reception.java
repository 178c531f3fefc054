package nl.wegwijzer.chat;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import nl.wegwijzer.dialog.Dialog;
import nl.wegwijzer.dialog.DialogState;
import nl.wegwijzer.dialog.DialogTurn;
import nl.wegwijzer.dialog.Reply;

import org.springframework.stereotype.Component;

/**
 * Who answers a visitor's message, and what becomes of the conversation: the bot, a request for a
 * person that waits in the queue or, when nobody can come, an honest offer to answer by e-mail; an
 * address left in the chat; and, while the visitor waits, small talk that never leaves the queue.
 */
@Component
class Reception {

	/** How far back the first-response times go that the estimate of a wait is based on. */
	static final Duration ESTIMATE_WINDOW = Duration.ofDays(7);

	static final int ESTIMATE_SAMPLE = 20;

	/**
	 * What to store and send for one visitor message.
	 *
	 * @param frame what the visitor gets, or {@code null} while staff answer
	 * @param handoff whether the visitor asked for a person (for the metrics)
	 */
	record Answer(Conversation conversation, Turn turn, ServerFrame.Bot frame, boolean handoff) {

		Answer handedOff() {
			return new Answer(this.conversation, this.turn, this.frame, true);
		}

	}

	private final Dialog dialog;

	private final ConversationRepository conversations;

	private final Staffing staffing;

	private final HandoffTexts texts = HandoffTexts.load();

	private final Set<String> cancelPhrases;

	private final Set<String> smallTalkPhrases;

	Reception(Dialog dialog, ConversationRepository conversations, Staffing staffing) {
		this.dialog = dialog;
		this.conversations = conversations;
		this.staffing = staffing;
		this.cancelPhrases = this.texts.cancelPhrases().stream().map(Reception::plain).collect(Collectors.toSet());
		this.smallTalkPhrases = this.texts.smallTalkPhrases().stream().map(Reception::plain).collect(Collectors.toSet());
	}

	HandoffTexts texts() {
		return this.texts;
	}

	/** The answer to {@code text}, received at {@code received} and answered at {@code now}. */
	Answer answer(Conversation conversation, String text, Instant received, Instant now) {
		if (conversation.status() == Conversation.Status.TAKEN_OVER) {
			Conversation updated = conversation.with(conversation.status(), conversation.dialog(), received);
			return new Answer(updated, new Turn(0, Turn.Author.VISITOR, text, null, null, null, null,
					updated.dialog().state().name(), received, null, List.of()), null, false);
		}
		Optional<String> email = takesAddress(conversation) ? EmailAddresses.find(text) : Optional.empty();
		if (email.isPresent()) {
			// The wait for an answer starts now, unless the visitor was already waiting in the chat.
			Conversation.Handling handling = (conversation.status() == Conversation.Status.WAITING)
					? conversation.handling() : conversation.handling().waitingFrom(now);
			Conversation updated = conversation.with(Conversation.Status.OFFLINE_MESSAGE, conversation.dialog(), now)
				.with(handling.withEmail(email.get()).opened());
			return said(updated, text, received, this.texts.emailReceived().replace("{email}", email.get()));
		}
		if (conversation.status() == Conversation.Status.WAITING) {
			return whileWaiting(conversation, text, received, now);
		}
		DialogTurn turn = this.dialog.respond(conversation.dialog(), text);
		if (turn.handoff()) {
			return handoff(conversation, text, received, now, turn);
		}
		return answered(conversation, text, received, now, turn, reopened(conversation.status()));
	}

	/**
	 * Whether an address in the visitor's message is one left for an answer: only after the bot offered to
	 * answer by e-mail, or to correct the one already left. Otherwise an address is part of a question
	 * ("ik mailde al naar info@…"), which the bot answers as any other.
	 */
	private static boolean takesAddress(Conversation conversation) {
		return switch (conversation.status()) {
			case OFFLINE_MESSAGE -> true;
			case BOT, WAITING -> conversation.handling().offeredEmailAt() != null;
			case TAKEN_OVER, CLOSED -> false;
		};
	}

	/** The bot's reply outside the queue: a goodbye closes, anything else keeps an offline message open. */
	private Answer answered(Conversation conversation, String text, Instant received, Instant now, DialogTurn turn,
			Conversation.Status status) {
		Conversation updated;
		if (turn.context().state() == DialogState.CLOSED) {
			updated = conversation.with(Conversation.Status.CLOSED, turn.context(), now)
				.with(conversation.handling().closed(now, Conversation.Handling.GOODBYE));
		}
		else {
			Conversation.Handling handling = (status == Conversation.Status.CLOSED) ? conversation.handling()
					: conversation.handling().opened();
			updated = conversation.with(status, turn.context(), now).with(handling);
		}
		return replied(updated, text, received, turn.reply());
	}

	private static Conversation.Status reopened(Conversation.Status status) {
		return (status == Conversation.Status.CLOSED) ? Conversation.Status.BOT : status;
	}

	/**
	 * A request for a person: into the queue when someone can come, with the place in it and an estimate;
	 * otherwise the offer to answer by e-mail, at once.
	 */
	private Answer handoff(Conversation conversation, String text, Instant received, Instant now, DialogTurn turn) {
		int available = this.staffing.available();
		Reply reply = turn.reply();
		if (available == 0) {
			Conversation updated = conversation.with(reopened(conversation.status()), turn.context(), now)
				.with(conversation.handling().emailOfferedAt(now).opened());
			String offline = this.texts.offline(this.staffing.keptDays());
			return replied(updated, text, received, reply.withText(handoffText(reply, offline))).handedOff();
		}
		int ahead = this.conversations.waitingBefore(now);
		String waiting = this.texts.waiting(ahead, estimate(ahead, available, now));
		Conversation updated = conversation.with(Conversation.Status.WAITING, turn.context(), now)
			.with(conversation.handling().waitingFrom(now).opened());
		return replied(updated, text, received, reply.withText(handoffText(reply, waiting))).handedOff();
	}

	/**
	 * The dialog's reply with its promise of a colleague replaced by what will really happen; the answers
	 * to other questions of the same message stay.
	 */
	private String handoffText(Reply reply, String status) {
		if (Dialog.isFallback(reply.intent())) {
			return this.texts.notUnderstood() + " " + status;
		}
		List<String> paragraphs = new ArrayList<>(List.of(reply.text().split("\n\n")));
		int promise = paragraphs.indexOf(this.dialog.handoffAnswer());
		if (promise < 0) {
			return status;
		}
		paragraphs.set(promise, status);
		return String.join("\n\n", paragraphs);
	}

	/**
	 * While the visitor waits the bot still answers what it knows, but a greeting, "is er iemand?" or a
	 * question it cannot answer keep them in the queue; "laat maar" takes them out.
	 */
	private Answer whileWaiting(Conversation conversation, String text, Instant received, Instant now) {
		String plain = plain(text);
		if (this.cancelPhrases.contains(plain)) {
			Conversation updated = conversation
				.with(Conversation.Status.BOT, this.dialog.withoutHandoff(conversation.dialog()), now)
				.with(conversation.handling().notWaiting());
			return said(updated, text, received, this.texts.cancelled());
		}
		Instant since = conversation.handling().waitingSince();
		String queue = this.texts.queue(this.conversations.waitingBefore(since != null ? since : conversation.lastActiveAt()));
		if (this.smallTalkPhrases.contains(plain)) {
			return stillWaiting(conversation, text, received, now, this.texts.stillWaiting().replace("{queue}", queue));
		}
		DialogTurn turn = this.dialog.respond(conversation.dialog(), text);
		if (turn.context().state() == DialogState.CLOSED) {
			return answered(conversation, text, received, now, turn, Conversation.Status.CLOSED);
		}
		if (Dialog.isFallback(turn.reply().intent())) {
			return stillWaiting(conversation, text, received, now, this.texts.keptForStaff().replace("{queue}", queue));
		}
		if (turn.handoff() || !Dialog.isKnowledge(turn.reply().intent())) {
			return stillWaiting(conversation, text, received, now, this.texts.stillWaiting().replace("{queue}", queue));
		}
		return replied(conversation.with(Conversation.Status.WAITING, turn.context(), now), text, received,
				turn.reply());
	}

	private Answer stillWaiting(Conversation conversation, String text, Instant received, Instant now, String reply) {
		return said(conversation.with(Conversation.Status.WAITING, conversation.dialog(), now), text, received, reply);
	}

	/**
	 * The expected wait: the median first response of the last week's requests, once for every round of
	 * visitors the available staff take in turn; {@code null} without any to go on.
	 */
	private Duration estimate(int ahead, int available, Instant now) {
		List<Duration> recent = new ArrayList<>(
				this.conversations.recentFirstResponses(now.minus(ESTIMATE_WINDOW), now, ESTIMATE_SAMPLE));
		if (recent.isEmpty()) {
			return null;
		}
		recent.sort(null);
		Duration median = recent.get(recent.size() / 2);
		return median.multipliedBy(ahead / available + 1);
	}

	/** A reply of the chat itself rather than of the dialog: the dialog's memory stays as it was. */
	private Answer said(Conversation updated, String text, Instant received, String reply) {
		return replied(updated, text, received,
				new Reply(reply, null, List.of(), 1.0, List.of(), updated.dialog().state()));
	}

	private static Answer replied(Conversation updated, String text, Instant received, Reply reply) {
		Instant sent = updated.lastActiveAt();
		Turn turn = new Turn(0, Turn.Author.BOT, text, reply.text(), null, reply.intent(), reply.confidence(),
				reply.state().name(), received, sent, reply.quickReplies());
		return new Answer(updated, turn, new ServerFrame.Bot(reply.text(), reply.intent(), reply.intents(),
				reply.confidence(), reply.quickReplies(), reply.state().name()), false);
	}

	/** Lower case, accents, punctuation and extra spaces gone: "Hallo?" and "hallo" are the same. */
	static String plain(String text) {
		String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "");
		return decomposed.replaceAll("[^\\p{L}\\p{N} ]+", " ").replaceAll("\\s+", " ").strip();
	}

}
