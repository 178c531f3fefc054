package nl.wegwijzer.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Never leaves a visitor waiting for nobody: when no colleague is available any more, or nobody answered
 * within {@code wegwijzer.helpdesk.missed-after}, the bot says so and offers to answer by e-mail, once.
 * The visitor stays in the queue, so a colleague who comes after all still finds them. A visitor who
 * left leaves the queue once their conversation can no longer be resumed ({@code wegwijzer.chat.resume-window}
 * after its last activity): it is closed with reason {@code no_reply}, as a colleague would close it, so
 * nobody is left counting in the queue, or flagged in the inbox, for a visitor who will not come back.
 */
@Component
public class WaitingWatch {

	private static final Logger log = LoggerFactory.getLogger(WaitingWatch.class);

	private final ConversationRepository conversations;

	private final LiveConversations live;

	private final Connections connections;

	private final Staffing staffing;

	private final HandoffTexts texts;

	private final Duration resumeWindow;

	WaitingWatch(ConversationRepository conversations, LiveConversations live, Connections connections, Staffing staffing,
			Reception reception, ChatSettings settings) {
		this.resumeWindow = settings.resumeWindow();
		this.conversations = conversations;
		this.live = live;
		this.connections = connections;
		this.staffing = staffing;
		this.texts = reception.texts();
	}

	/** Runs every 15 seconds; public so that tests with a clock of their own can run it at once. */
	@Scheduled(fixedDelay = 15, initialDelay = 15, timeUnit = TimeUnit.SECONDS)
	public void check() {
		List<String> waiting = this.conversations.idsWithStatus(Conversation.Status.WAITING);
		if (waiting.isEmpty()) {
			return;
		}
		boolean nobody = this.staffing.available() == 0;
		for (String id : waiting) {
			try {
				this.live.change(id, (conversation) -> {
					Instant now = this.live.now();
					if (conversation.status() == Conversation.Status.WAITING && left(conversation, now)) {
						return close(conversation, now);
					}
					Conversation.Handling handling = conversation.handling();
					boolean missed = handling.waitingSince() == null
							|| !handling.waitingSince().plus(this.staffing.missedAfter()).isAfter(now);
					if (conversation.status() == Conversation.Status.WAITING && handling.offeredEmailAt() == null
							&& (nobody || missed)) {
						offerEmail(conversation, now);
					}
					return conversation;
				});
			}
			catch (RuntimeException ex) {
				// One conversation that cannot be read or stored must not keep the others waiting.
				log.warn("Could not check waiting conversation {}: {}", id, ex.toString());
			}
		}
	}

	/** Not connected, and past resuming: the visitor cannot come back to this conversation. */
	private boolean left(Conversation conversation, Instant now) {
		return !this.connections.isOnline(conversation.sessionId())
				&& !conversation.lastActiveAt().plus(this.resumeWindow).isAfter(now);
	}

	private Conversation close(Conversation conversation, Instant now) {
		Conversation closed = conversation.with(Conversation.Status.CLOSED, conversation.dialog(), now)
			.with(conversation.handling().closed(now, Conversation.Handling.NO_REPLY));
		this.live.update(closed);
		return closed;
	}

	private void offerEmail(Conversation conversation, Instant now) {
		String text = this.texts.gaveUp(this.staffing.keptDays());
		Conversation updated = conversation.with(conversation.status(), conversation.dialog(), now)
			.with(conversation.handling().emailOfferedAt(now));
		String state = updated.dialog().state().name();
		long turnId = this.live.save(updated,
				new Turn(0, Turn.Author.BOT, null, text, null, null, null, state, null, now, List.of()));
		this.connections.deliver(updated.sessionId(), new ServerFrame.Bot(text, null, List.of(), 1.0, List.of(), state, turnId));
	}

}
