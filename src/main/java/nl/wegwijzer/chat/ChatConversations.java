package nl.wegwijzer.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.wegwijzer.consent.ConsentPolicy;
import nl.wegwijzer.consent.ConsentRecord;
import nl.wegwijzer.consent.ConsentService;
import nl.wegwijzer.dialog.Dialog;
import nl.wegwijzer.dialog.DialogTurn;
import nl.wegwijzer.dialog.Reply;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.web.socket.CloseStatus;

import static nl.wegwijzer.chat.ChatTexts.SAY;

/**
 * What a visitor does with their conversation over a connection: start it with a cookie choice (or change
 * that choice), ask, rate an answer, end, erase or resume it. Every change happens under the
 * conversation's lock and is stored before the visitor hears of it. The caller holds the connection's
 * lock and has checked the frame; {@link ChatService} reads the protocol.
 */
@Service
class ChatConversations {

	private final Connections connections;

	private final ResumeTokens tokens;

	private final ConsentService consent;

	private final Dialog dialog;

	private final Reception reception;

	private final ConversationRepository conversations;

	private final LiveConversations live;

	private final ConversationLimiter conversationLimiter;

	private final ChatMetrics metrics;

	private final Erasure erasure;

	private final ClusterBus cluster;

	private final HandoffTexts texts;

	ChatConversations(Connections connections, ResumeTokens tokens, ConsentService consent, Dialog dialog,
			Reception reception, ConversationRepository conversations, LiveConversations live,
			ConversationLimiter conversationLimiter, ChatMetrics metrics, Erasure erasure, ClusterBus cluster) {
		this.connections = connections;
		this.tokens = tokens;
		this.consent = consent;
		this.dialog = dialog;
		this.reception = reception;
		this.conversations = conversations;
		this.live = live;
		this.conversationLimiter = conversationLimiter;
		this.metrics = metrics;
		this.erasure = erasure;
		this.cluster = cluster;
		this.texts = reception.texts();
	}

	/**
	 * A cookie choice: the first one starts a conversation with the bot's greeting; a later one changes
	 * whether the conversation counts in the statistics.
	 */
	void consent(Connection connection, String policyVersion, List<String> categories) {
		boolean newSession = !connection.inSession();
		if (newSession && !this.conversationLimiter.tryStart(connection.socket)) {
			send(connection, new ServerFrame.Error(ChatService.RATE_LIMITED, SAY.errors().tooManyConversations()));
			return;
		}
		String sessionId = newSession ? UUID.randomUUID().toString() : connection.sessionId;
		ConsentRecord record;
		try {
			record = this.consent.record(sessionId, policyVersion, categories, connection.userAgent);
		}
		catch (ConsentService.OutdatedPolicyException ex) {
			send(connection, new ServerFrame.Error(ClientFrames.BAD_REQUEST, SAY.errors().outdatedPolicy()));
			return;
		}
		catch (IllegalArgumentException ex) {
			String offered = String.join(", ",
					this.consent.policy().categories().stream().map(ConsentPolicy.Category::id).toList());
			send(connection, new ServerFrame.Error(ClientFrames.BAD_REQUEST,
					SAY.errors().unknownCategory().replace("{categories}", offered)));
			return;
		}
		boolean analytics = record.allows("analytics");
		if (!newSession) {
			this.live.holding(connection.conversationId, () -> {
				Conversation conversation = this.live.get(connection.conversationId).withAnalytics(analytics);
				this.live.update(conversation);
				send(connection,
						new ServerFrame.Session(sessionId, null, conversation.dialog().state().name(), null, null));
			});
			return;
		}
		Instant now = this.live.now();
		DialogTurn greeting = this.dialog.greet();
		String token = this.tokens.issue();
		Conversation conversation = new Conversation(UUID.randomUUID().toString(), sessionId, now, now,
				Conversation.Status.BOT, analytics, greeting.context(), Conversation.Handling.NONE);
		this.conversations.insert(conversation, ResumeTokens.hash(token));
		this.connections.attach(connection, conversation);
		send(connection, new ServerFrame.Session(sessionId, token, null, null, null));
		this.live.holding(conversation.id(), () -> reply(connection, conversation, greeting));
	}

	void message(Connection connection, String text) {
		Instant received = this.live.now();
		this.live.holding(connection.conversationId, () -> {
			long start = System.nanoTime();
			Reception.Answer answer = this.reception.answer(this.live.get(connection.conversationId), text, received,
					this.live.now());
			long turnId = this.live.save(answer.conversation(), answer.turn());
			if (answer.frame() != null) {
				send(connection, answer.frame().stored(turnId));
				this.metrics.replied(Duration.ofNanos(System.nanoTime() - start), answer.frame().intent(),
						answer.handoff());
			}
		});
	}

	/**
	 * Stores a bot turn of its own (no visitor message), then sends it: what the visitor saw is always on
	 * record. The caller holds the conversation's lock; {@code connection} may be {@code null} when the
	 * visitor is not connected here.
	 */
	private ServerFrame.Bot reply(Connection connection, Conversation conversation, DialogTurn turn) {
		Reply reply = turn.reply();
		Instant sent = this.live.now();
		Conversation updated = conversation.with(conversation.status(), turn.context(), sent);
		long turnId = this.live.save(updated, new Turn(0, Turn.Author.BOT, null, reply.text(), null, reply.intent(),
				reply.confidence(), reply.state().name(), null, sent, reply.quickReplies()));
		ServerFrame.Bot frame = new ServerFrame.Bot(reply.text(), reply.intent(), reply.intents(), reply.confidence(),
				reply.quickReplies(), reply.state().name(), turnId);
		if (connection != null) {
			send(connection, frame);
		}
		return frame;
	}

	/**
	 * Sends a bot turn of its own to the visitor of a conversation, if connected here or to another
	 * instance; see {@link #reply(Connection, Conversation, DialogTurn)}.
	 */
	void reply(Conversation conversation, DialogTurn turn) {
		Connection connection = this.connections.ofSession(conversation.sessionId());
		ServerFrame.Bot frame = reply(connection, conversation, turn);
		if (connection == null) {
			this.cluster.deliver(conversation.sessionId(), frame);
		}
	}

	/** Stores the visitor's thumbs up or down on a bot reply of their own conversation, and confirms it. */
	void rate(Connection connection, long turnId, String rating) {
		if (!this.conversations.rate(connection.conversationId, turnId, rating)) {
			send(connection, new ServerFrame.Error(ClientFrames.BAD_REQUEST, SAY.errors().unknownTurn()));
			return;
		}
		send(connection, new ServerFrame.Rated(turnId, rating));
	}

	/**
	 * The visitor ends the conversation: it is closed (leaving the helpdesk's queue, if waiting) and its
	 * resume token stops working. The visitor keeps what is on the page; a new conversation starts afresh.
	 */
	void end(Connection connection) {
		this.live.holding(connection.conversationId, () -> {
			Conversation conversation = this.live.get(connection.conversationId);
			if (conversation.status() != Conversation.Status.CLOSED) {
				Instant now = this.live.now();
				this.live.update(conversation.with(Conversation.Status.CLOSED, conversation.dialog(), now)
					.with(conversation.handling().closed(now, Conversation.Handling.ENDED)));
			}
			this.tokens.revoke(conversation.id());
			send(connection, new ServerFrame.Closed(SAY.ended(), Conversation.Handling.ENDED));
		});
	}

	void erase(Connection connection) {
		if (!this.erasure.erase(connection.conversationId, true)) {
			// Gone already (staff erased it, or the retention job): the visitor's wish is met all the same.
			erased(connection);
		}
	}

	/** Tells a visitor still connected that their conversation is erased, and disconnects them. */
	@EventListener
	void on(ConversationErased erased) {
		Connection connection = this.connections.ofSession(erased.sessionId());
		if (connection != null) {
			erased(connection);
		}
	}

	private void erased(Connection connection) {
		synchronized (connection) {
			this.connections.detach(connection);
			send(connection, new ServerFrame.Erased(SAY.erased()));
			Connections.closeQuietly(connection, CloseStatus.NORMAL.withReason(SAY.erased()));
		}
	}

	/**
	 * Continues the conversation of {@code token} on this connection, with its history, state and cookie
	 * choice, and a new token. A window that held it before is closed, here or on another instance.
	 * @return whether the token resumed a conversation; if not, the visitor was told so
	 */
	boolean resume(Connection connection, String token) {
		String fresh = this.tokens.issue();
		Optional<Conversation> found = this.tokens.redeem(token, fresh);
		if (found.isEmpty()) {
			send(connection, new ServerFrame.Error(ChatService.RESUME_FAILED, SAY.errors().resumeFailed()));
			return false;
		}
		// The live copy, not the one just read: staff may have changed the conversation since it was stored.
		Conversation conversation = this.live.get(found.get().id());
		this.connections.attach(connection, conversation);
		this.cluster.resumed(conversation.sessionId());
		ConsentPolicy policy = this.consent.policy();
		List<String> granted = this.consent.latest(conversation.sessionId())
			.map(ConsentRecord::granted)
			.orElse(List.of(ConsentPolicy.NECESSARY));
		send(connection, new ServerFrame.Session(conversation.sessionId(), fresh, conversation.dialog().state().name(),
				history(conversation.id()),
				new ServerFrame.ConsentState(policy.version(), policy.text(), policy.categories(), granted)));
		return true;
	}

	private List<ServerFrame.HistoryItem> history(String conversationId) {
		List<ServerFrame.HistoryItem> items = new ArrayList<>();
		for (Turn turn : this.conversations.turns(conversationId)) {
			if (turn.author() == Turn.Author.NOTE || turn.author() == Turn.Author.EMAIL) {
				// Staff's own notes and e-mails are not part of the chat.
				continue;
			}
			if (turn.visitorText() != null) {
				items.add(new ServerFrame.HistoryItem("visitor", turn.visitorText(),
						(turn.receivedAt() != null) ? turn.receivedAt() : turn.sentAt(), null, null, null, null, null));
			}
			if (turn.reply() != null) {
				boolean agent = turn.author() == Turn.Author.AGENT;
				items.add(new ServerFrame.HistoryItem(agent ? "agent" : "bot", turn.reply(), turn.sentAt(),
						turn.agentName(), agent ? this.texts.staffLabel(turn.agentName()) : null,
						turn.quickReplies().isEmpty() ? null : turn.quickReplies(), agent ? null : turn.id(),
						turn.rating()));
			}
		}
		return items;
	}

	private void send(Connection connection, ServerFrame frame) {
		this.connections.send(connection, frame);
	}

}
