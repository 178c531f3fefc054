package nl.wegwijzer.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import nl.wegwijzer.dialog.Dialog;

import org.springframework.stereotype.Service;

/**
 * What staff do to a conversation: answer in the chat and hand it back, assign, close and reopen it,
 * write notes the visitor never sees, and record an answer sent by e-mail. Each change happens under
 * the conversation's lock and is stored before the visitor hears of it.
 *
 * <p>Every method throws {@link java.util.NoSuchElementException} when there is no such conversation.
 */
@Service
public class StaffActions {

	private final LiveConversations live;

	private final ConversationRepository conversations;

	private final Connections connections;

	private final ChatConversations chat;

	private final Dialog dialog;

	private final HandoffTexts texts;

	/**
	 * When each conversation last had a staff member's typing passed on to its visitor (nanoTime): a pure
	 * interval between two calls, not a time of day, so it needs no clock and cannot jump with one.
	 */
	private final Cache<String, Long> typing = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).build();

	StaffActions(LiveConversations live, ConversationRepository conversations, Connections connections,
			ChatConversations chat, Dialog dialog, Reception reception) {
		this.live = live;
		this.conversations = conversations;
		this.connections = connections;
		this.chat = chat;
		this.dialog = dialog;
		this.texts = reception.texts();
	}

	/**
	 * A staff member's message to the visitor. The first one claims the conversation: the bot falls
	 * silent, the visitor is told who joined, and it is assigned to the writer unless someone has it. When
	 * another colleague writes in a conversation already taken over, the visitor is told who joined too:
	 * nobody gets messages from a new name out of the blue.
	 */
	public void agentMessage(String conversationId, String username, String staffName, String text) {
		this.live.change(conversationId, (conversation) -> {
			Instant now = this.live.now();
			Conversation.Handling handling = conversation.handling().answeredAt(now).opened();
			if (handling.assignee() == null) {
				handling = handling.assignedTo(username);
			}
			boolean newWriter = conversation.status() != Conversation.Status.TAKEN_OVER
					|| !Objects.equals(this.conversations.lastAgentName(conversationId).orElse(null), staffName);
			conversation = conversation.with(handling);
			if (newWriter) {
				conversation = agentTurn(conversation, Conversation.Status.TAKEN_OVER, staffName,
						this.texts.joined(staffName));
			}
			return agentTurn(conversation, Conversation.Status.TAKEN_OVER, staffName, text);
		});
	}

	/** Staff hand the conversation back: the visitor is told, and the bot answers again. */
	public void release(String conversationId, String staffName) {
		this.live.change(conversationId, (conversation) -> {
			if (conversation.status() != Conversation.Status.TAKEN_OVER) {
				return conversation;
			}
			conversation = agentTurn(conversation, Conversation.Status.BOT, staffName, this.texts.left(staffName));
			this.chat.reply(conversation, this.dialog.released(conversation.dialog()));
			return conversation;
		});
	}

	/** Makes {@code username} the owner of the conversation. */
	public void assign(String conversationId, String username) {
		this.live.change(conversationId, (conversation) -> {
			if (!username.equals(conversation.handling().assignee())) {
				this.live.update(conversation.with(conversation.handling().assignedTo(username)));
			}
			return conversation;
		});
	}

	/**
	 * Leaves the conversation without an owner. One that staff had taken over goes back to the queue, and
	 * the visitor is told the bot answers until a colleague comes: nobody is left talking to no one. The
	 * visitor hears that the owner left, whoever asked, named by {@code displayName} of their user name.
	 */
	public void unassign(String conversationId, UnaryOperator<String> displayName) {
		this.live.change(conversationId, (conversation) -> {
			String assignee = conversation.handling().assignee();
			Conversation.Handling handling = conversation.handling().assignedTo(null);
			if (conversation.status() != Conversation.Status.TAKEN_OVER) {
				if (conversation.handling().assignee() != null) {
					this.live.update(conversation.with(handling));
				}
				return conversation;
			}
			String staffName = (assignee != null) ? displayName.apply(assignee) : null;
			return agentTurn(conversation.with(handling.waitingFrom(this.live.now())), Conversation.Status.WAITING,
					staffName, this.texts.leftForColleague(staffName));
		});
	}

	/** Closes the conversation for a reason; a connected visitor is told and offered a new conversation. */
	public void close(String conversationId, String reason) {
		this.live.change(conversationId, (conversation) -> {
			if (conversation.status() == Conversation.Status.CLOSED) {
				return conversation;
			}
			Instant now = this.live.now();
			Conversation closed = conversation.with(Conversation.Status.CLOSED, conversation.dialog(), now)
				.with(conversation.handling().closed(now, reason));
			this.live.update(closed);
			this.connections.deliver(closed.sessionId(), new ServerFrame.Closed(this.texts.closed(), reason));
			return closed;
		});
	}

	/** Opens a closed conversation again; the bot answers the visitor's next message. */
	public void reopen(String conversationId) {
		this.live.change(conversationId, (conversation) -> {
			if (conversation.status() != Conversation.Status.CLOSED) {
				return conversation;
			}
			Conversation.Status status = (conversation.handling().email() != null
					&& conversation.handling().firstResponseAt() == null) ? Conversation.Status.OFFLINE_MESSAGE
							: Conversation.Status.BOT;
			this.live.update(conversation.with(status, conversation.dialog(), this.live.now())
				.with(conversation.handling().opened()));
			return conversation;
		});
	}

	/**
	 * Tells the visitor a staff member is typing, at most once per two seconds per conversation, and only
	 * while staff have taken it over: otherwise the bot answers, and nobody the visitor knows of is typing.
	 */
	public void typing(String conversationId, String staffName) {
		Conversation conversation = this.live.get(conversationId);
		if (conversation.status() != Conversation.Status.TAKEN_OVER) {
			return;
		}
		long now = System.nanoTime();
		Long last = this.typing.asMap().putIfAbsent(conversationId, now);
		if (last != null) {
			if (now - last < ChatService.TYPING_INTERVAL.toNanos() || !this.typing.asMap().replace(conversationId, last, now)) {
				return;
			}
		}
		this.connections.deliver(conversation.sessionId(), new ServerFrame.Typing(staffName));
	}

	/** An internal note: in the transcript for staff, never sent to the visitor. */
	public void note(String conversationId, String staffName, String text) {
		this.live.change(conversationId, (conversation) -> {
			this.live.save(conversation, new Turn(0, Turn.Author.NOTE, null, text, staffName, null, null,
					conversation.dialog().state().name(), null, this.live.now(), List.of()));
			return conversation;
		});
	}

	/**
	 * Records an answer that was sent to the visitor by e-mail: it counts as the first response, and an
	 * offline message that is answered waits for nothing any more, so the bot has it again ({@code BOT}),
	 * as {@link #reopen} has it.
	 */
	public void emailed(String conversationId, String staffName, String text) {
		this.live.change(conversationId, (conversation) -> {
			Instant now = this.live.now();
			Conversation.Status status = (conversation.status() == Conversation.Status.OFFLINE_MESSAGE)
					? Conversation.Status.BOT : conversation.status();
			Conversation answered = conversation.with(status, conversation.dialog(), conversation.lastActiveAt())
				.with(conversation.handling().answeredAt(now));
			this.live.save(answered, new Turn(0, Turn.Author.EMAIL, null, text, staffName, null, null,
					answered.dialog().state().name(), null, now, List.of()));
			return answered;
		});
	}

	private Conversation agentTurn(Conversation conversation, Conversation.Status status, String staffName,
			String text) {
		Instant sent = this.live.now();
		Conversation updated = conversation.with(status, conversation.dialog(), sent);
		this.live.save(updated, new Turn(0, Turn.Author.AGENT, null, text, staffName, null, null,
				updated.dialog().state().name(), null, sent, List.of()));
		this.connections.deliver(updated.sessionId(), new ServerFrame.Agent(text, staffName));
		return updated;
	}

}
