package nl.wegwijzer.chat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import nl.wegwijzer.consent.ConsentPolicy;
import nl.wegwijzer.consent.ConsentRecord;
import nl.wegwijzer.consent.ConsentService;
import nl.wegwijzer.dialog.Dialog;
import nl.wegwijzer.dialog.DialogTurn;
import nl.wegwijzer.dialog.Reply;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import static nl.wegwijzer.chat.ChatTexts.SAY;

/**
 * The protocol's rules: consent before anything else, a session that can be resumed, one bot reply per
 * message, and every choice and turn stored before the visitor hears of it.
 */
@Service
public class ChatService {

	static final String CONSENT_REQUIRED = "consent_required";

	static final String RESUME_FAILED = "resume_failed";

	static final String RATE_LIMITED = "rate_limited";

	static final String SERVER_ERROR = "server_error";

	/** How often typing is passed on, either way. */
	static final Duration TYPING_INTERVAL = Duration.ofSeconds(2);

	/** The log context key that ties a log line to a chat session; message texts are never logged. */
	static final String SESSION_ID = "sessionId";

	private static final Logger log = LoggerFactory.getLogger(ChatService.class);

	private static final int SEND_TIME_LIMIT_MS = 5_000;

	private static final int SEND_BUFFER_LIMIT = 256 * 1024;

	private final ClientFrames frames;

	private final ConsentService consent;

	private final Dialog dialog;

	private final Reception reception;

	private final ConversationRepository conversations;

	private final LiveConversations live;

	private final ChatSettings settings;

	private final LimitSettings limits;

	private final RateLimiter rateLimiter;

	private final ConversationLimiter conversationLimiter;

	private final ChatMetrics metrics;

	private final ObjectMapper json;

	private final Map<String, Connection> bySocket = new ConcurrentHashMap<>();

	private final Map<String, Connection> bySession = new ConcurrentHashMap<>();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "chat-consent-timer");
		thread.setDaemon(true);
		return thread;
	});

	private final SecureRandom random = new SecureRandom();

	private final ApplicationEventPublisher events;

	private final HandoffTexts texts;

	private final Erasure erasure;

	private final ClusterBus cluster;

	ChatService(ClientFrames frames, ConsentService consent, Dialog dialog, Reception reception,
			ConversationRepository conversations, LiveConversations live, ChatSettings settings, LimitSettings limits,
			RateLimiter rateLimiter, ConversationLimiter conversationLimiter, ChatMetrics metrics, ObjectMapper json,
			ApplicationEventPublisher events, Erasure erasure, ClusterBus cluster) {
		this.erasure = erasure;
		this.cluster = cluster;
		this.events = events;
		this.frames = frames;
		this.consent = consent;
		this.dialog = dialog;
		this.reception = reception;
		this.texts = reception.texts();
		this.conversations = conversations;
		this.live = live;
		this.settings = settings;
		this.limits = limits;
		this.rateLimiter = rateLimiter;
		this.conversationLimiter = conversationLimiter;
		this.metrics = metrics;
		metrics.watch(this.bySocket);
		this.json = json;
		long ping = limits.pingInterval().toMillis();
		this.timer.scheduleWithFixedDelay(this::ping, ping, ping, TimeUnit.MILLISECONDS);
	}

	void open(WebSocketSession socket) {
		String userAgent = socket.getHandshakeHeaders().getFirst(HttpHeaders.USER_AGENT);
		Connection connection = new Connection(
				new ConcurrentWebSocketSessionDecorator(socket, SEND_TIME_LIMIT_MS, SEND_BUFFER_LIMIT), userAgent);
		this.bySocket.put(socket.getId(), connection);
		// A returning client sends `resume` straight away; everyone else is asked for consent.
		connection.consentPrompt = this.timer.schedule(() -> {
			synchronized (connection) {
				requestConsent(connection);
			}
		}, this.settings.resumeGrace().toMillis(), TimeUnit.MILLISECONDS);
	}

	void receive(WebSocketSession socket, String payload) {
		Connection connection = this.bySocket.get(socket.getId());
		if (connection == null) {
			return;
		}
		connection.lastSeen = System.nanoTime();
		connection.lastFrame = connection.lastSeen;
		synchronized (connection) {
			MDC.put(SESSION_ID, connection.sessionId);
			try {
				handle(connection, payload);
			}
			finally {
				MDC.remove(SESSION_ID);
			}
		}
	}

	private void handle(Connection connection, String payload) {
		ClientFrame frame;
		ProtocolException unreadable = null;
		try {
			frame = this.frames.parse(payload);
		}
		catch (ProtocolException ex) {
			frame = null;
			unreadable = ex;
		}
		if (frame instanceof ClientFrame.Typing) {
			// Typing has its own, silent limit: it must never use up the visitor's messages.
			typing(connection);
			return;
		}
		String bucket = connection.inSession() ? connection.sessionId : connection.socket.getId();
		if (!this.rateLimiter.tryAcquire(bucket)) {
			send(connection, new ServerFrame.Error(RATE_LIMITED, SAY.errors().rateLimited()));
			return;
		}
		if (unreadable != null) {
			settleFirstFrame(connection, false);
			send(connection, unreadable.toFrame());
			return;
		}
		settleFirstFrame(connection, frame instanceof ClientFrame.Resume);
		try {
			if (frame instanceof ClientFrame.Consent c) {
				consent(connection, c.policyVersion(), c.categories());
			}
			else if (frame instanceof ClientFrame.Message m) {
				message(connection, m.text());
			}
			else if (frame instanceof ClientFrame.Resume r) {
				resume(connection, r.resumeToken());
			}
			else if (frame instanceof ClientFrame.Rate r) {
				rate(connection, r.turnId(), r.rating());
			}
			else if (frame instanceof ClientFrame.End) {
				end(connection);
			}
			else if (frame instanceof ClientFrame.Erase) {
				erase(connection);
			}
		}
		catch (RuntimeException ex) {
			// Storage down, or a bug: the visitor hears so, the log gets one line, the connection stays.
			log.error("Could not handle a frame of session {}: {}", connection.sessionId, ex.toString());
			send(connection, new ServerFrame.Error(SERVER_ERROR, SAY.errors().serverError()));
		}
	}

	/** Passes the visitor's typing on to staff, at most once per {@link #TYPING_INTERVAL}; more is dropped. */
	private void typing(Connection connection) {
		long now = System.nanoTime();
		if (!connection.inSession() || (connection.lastTyping != 0 && now - connection.lastTyping < TYPING_INTERVAL.toNanos())) {
			return;
		}
		connection.lastTyping = now;
		this.events.publishEvent(new VisitorTyping(connection.conversationId));
	}

	/** The client answered a ping. */
	void alive(WebSocketSession socket) {
		Connection connection = this.bySocket.get(socket.getId());
		if (connection != null) {
			connection.lastSeen = System.nanoTime();
		}
	}

	/**
	 * Pings every connection, and closes those that answered nothing for two intervals: a half-open
	 * socket would otherwise hold its resources until the idle timeout. Closes too those whose client
	 * sent nothing but pongs for the idle timeout: answering pings is not using the chat.
	 */
	private void ping() {
		long now = System.nanoTime();
		long silentSince = now - 2 * this.limits.pingInterval().toNanos();
		long idleSince = now - this.limits.idleTimeout().toNanos();
		for (Connection connection : this.bySocket.values()) {
			if (connection.lastSeen < silentSince) {
				closeQuietly(connection, CloseStatus.SESSION_NOT_RELIABLE);
				continue;
			}
			if (connection.lastFrame < idleSince) {
				closeQuietly(connection, CloseStatus.GOING_AWAY);
				continue;
			}
			try {
				connection.socket.sendMessage(new PingMessage());
			}
			catch (IOException | RuntimeException ex) {
				closeQuietly(connection, CloseStatus.SESSION_NOT_RELIABLE);
			}
		}
	}

	void closed(WebSocketSession socket) {
		Connection connection = this.bySocket.remove(socket.getId());
		if (connection != null) {
			synchronized (connection) {
				if (connection.consentPrompt != null) {
					connection.consentPrompt.cancel(false);
				}
				if (connection.sessionId != null) {
					this.bySession.remove(connection.sessionId, connection);
				}
			}
		}
	}

	/** The first frame ends the grace period: a resume needs no consent prompt, anything else does. */
	private void settleFirstFrame(Connection connection, boolean resume) {
		if (connection.consentPrompt != null) {
			connection.consentPrompt.cancel(false);
			connection.consentPrompt = null;
		}
		if (!resume && !connection.inSession()) {
			requestConsent(connection);
		}
	}

	private void requestConsent(Connection connection) {
		if (connection.consentRequested || connection.inSession()) {
			return;
		}
		connection.consentRequested = true;
		ConsentPolicy policy = this.consent.policy();
		send(connection, new ServerFrame.ConsentRequest(policy.version(), policy.text(), policy.categories()));
	}

	private void consent(Connection connection, String policyVersion, List<String> categories) {
		boolean newSession = !connection.inSession();
		if (newSession && !this.conversationLimiter.tryStart(connection.socket)) {
			send(connection, new ServerFrame.Error(RATE_LIMITED, SAY.errors().tooManyConversations()));
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
			synchronized (this.live.lock(connection.conversationId)) {
				Conversation conversation = this.live.get(connection.conversationId).withAnalytics(analytics);
				this.live.update(conversation);
				send(connection,
						new ServerFrame.Session(sessionId, null, conversation.dialog().state().name(), null, null));
			}
			return;
		}
		Instant now = now();
		DialogTurn greeting = this.dialog.greet();
		String token = newToken();
		Conversation conversation = new Conversation(UUID.randomUUID().toString(), sessionId, now, now,
				Conversation.Status.BOT, analytics, greeting.context(), Conversation.Handling.NONE);
		this.conversations.insert(conversation, hash(token));
		attach(connection, conversation);
		send(connection, new ServerFrame.Session(sessionId, token, null, null, null));
		synchronized (this.live.lock(conversation.id())) {
			reply(connection, conversation, greeting);
		}
	}

	private void message(Connection connection, String text) {
		if (!connection.inSession()) {
			send(connection, new ServerFrame.Error(CONSENT_REQUIRED, SAY.errors().consentRequired()));
			return;
		}
		Instant received = now();
		synchronized (this.live.lock(connection.conversationId)) {
			long start = System.nanoTime();
			Reception.Answer answer = this.reception.answer(this.live.get(connection.conversationId), text, received,
					now());
			long turnId = this.live.save(answer.conversation(), answer.turn());
			if (answer.frame() != null) {
				send(connection, answer.frame().stored(turnId));
				this.metrics.replied(Duration.ofNanos(System.nanoTime() - start), answer.frame().intent(),
						answer.handoff());
			}
		}
	}

	/**
	 * Stores a bot turn of its own (no visitor message), then sends it: what the visitor saw is always on
	 * record. The caller holds the conversation's lock; {@code connection} may be {@code null} when the
	 * visitor is away.
	 */
	private ServerFrame.Bot reply(Connection connection, Conversation conversation, DialogTurn turn) {
		Reply reply = turn.reply();
		Instant sent = now();
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
	 * instance; see {@link #reply}.
	 */
	void reply(Conversation conversation, DialogTurn turn) {
		Connection connection = this.bySession.get(conversation.sessionId());
		ServerFrame.Bot frame = reply(connection, conversation, turn);
		if (connection == null) {
			this.cluster.deliver(conversation.sessionId(), frame);
		}
	}

	/** Stores the visitor's thumbs up or down on a bot reply of their own conversation, and confirms it. */
	private void rate(Connection connection, long turnId, String rating) {
		if (!connection.inSession()) {
			send(connection, new ServerFrame.Error(CONSENT_REQUIRED, SAY.errors().consentRequired()));
			return;
		}
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
	private void end(Connection connection) {
		if (!connection.inSession()) {
			send(connection, new ServerFrame.Error(CONSENT_REQUIRED, SAY.errors().consentRequired()));
			return;
		}
		synchronized (this.live.lock(connection.conversationId)) {
			Conversation conversation = this.live.get(connection.conversationId);
			if (conversation.status() != Conversation.Status.CLOSED) {
				Instant now = now();
				this.live.update(conversation.with(Conversation.Status.CLOSED, conversation.dialog(), now)
					.with(conversation.handling().closed(now, Conversation.Handling.ENDED)));
			}
			this.conversations.dropResumeToken(conversation.id(), hash(newToken()));
			send(connection, new ServerFrame.Closed(SAY.ended(), Conversation.Handling.ENDED));
		}
	}

	/** Sends a frame to the visitor of a session, if connected here or to another instance. */
	void deliver(String sessionId, ServerFrame frame) {
		Connection connection = this.bySession.get(sessionId);
		if (connection != null) {
			send(connection, labelled(frame));
		}
		else {
			this.cluster.deliver(sessionId, labelled(frame));
		}
	}

	/** Another instance has a frame for a visitor, who may be connected here. */
	@EventListener
	void on(ClusterBus.Delivery delivery) {
		Connection connection = this.bySession.get(delivery.sessionId());
		if (connection != null) {
			sendText(connection, delivery.frame());
		}
	}

	/** The visitor resumed their conversation on another instance: a connection here is the other window. */
	@EventListener
	void on(ClusterBus.ResumedElsewhere resumed) {
		Connection connection = this.bySession.get(resumed.sessionId());
		if (connection != null) {
			closeQuietly(connection, CloseStatus.NORMAL.withReason(SAY.errors().otherWindow()));
		}
	}

	/** Staff frames name the staff member as the page shows them, so the page keeps no copy of the rule. */
	private ServerFrame labelled(ServerFrame frame) {
		if (frame instanceof ServerFrame.Agent agent && agent.label() == null) {
			return new ServerFrame.Agent(agent.text(), agent.name(), this.texts.staffLabel(agent.name()));
		}
		if (frame instanceof ServerFrame.Typing typing && typing.label() == null) {
			return new ServerFrame.Typing(typing.name(), this.texts.staffLabel(typing.name()));
		}
		return frame;
	}

	private void erase(Connection connection) {
		if (!connection.inSession()) {
			send(connection, new ServerFrame.Error(ClientFrames.BAD_REQUEST, SAY.errors().nothingToErase()));
			return;
		}
		if (!this.erasure.erase(connection.conversationId, true)) {
			// Gone already (staff erased it, or the retention job): the visitor's wish is met all the same.
			erased(connection);
		}
	}

	/** Tells a visitor still connected that their conversation is erased, and disconnects them. */
	@EventListener
	void on(ConversationErased erased) {
		Connection connection = this.bySession.get(erased.sessionId());
		if (connection != null) {
			erased(connection);
		}
	}

	private void erased(Connection connection) {
		synchronized (connection) {
			this.bySession.remove(connection.sessionId, connection);
			connection.sessionId = null;
			connection.conversationId = null;
			send(connection, new ServerFrame.Erased(SAY.erased()));
			closeQuietly(connection, CloseStatus.NORMAL.withReason(SAY.erased()));
		}
	}

	/** Whether the visitor of this conversation is connected right now. */
	public boolean isOnline(String sessionId) {
		return this.bySession.containsKey(sessionId);
	}

	private void resume(Connection connection, String token) {
		if (connection.inSession()) {
			send(connection, new ServerFrame.Error(ClientFrames.BAD_REQUEST, SAY.errors().alreadyInSession()));
			return;
		}
		// Every resume gives a new token and the old one stops working, so a token read once from a
		// browser's storage cannot take the conversation over later.
		String fresh = newToken();
		Optional<Conversation> found = this.conversations.findByResumeTokenHash(hash(token))
			.filter((c) -> c.lastActiveAt().plus(this.settings.resumeWindow()).isAfter(now()))
			.filter((c) -> this.conversations.replaceResumeToken(c.id(), hash(token), hash(fresh)));
		if (found.isEmpty()) {
			send(connection, new ServerFrame.Error(RESUME_FAILED, SAY.errors().resumeFailed()));
			requestConsent(connection);
			return;
		}
		// The live copy, not the one just read: staff may have changed the conversation since it was stored.
		Conversation conversation = this.live.get(found.get().id());
		Connection previous = this.bySession.get(conversation.sessionId());
		if (previous != null && previous != connection) {
			closeQuietly(previous, CloseStatus.NORMAL.withReason(SAY.errors().otherWindow()));
		}
		attach(connection, conversation);
		this.cluster.resumed(conversation.sessionId());
		ConsentPolicy policy = this.consent.policy();
		List<String> granted = this.consent.latest(conversation.sessionId())
			.map(ConsentRecord::granted)
			.orElse(List.of(ConsentPolicy.NECESSARY));
		send(connection, new ServerFrame.Session(conversation.sessionId(), fresh, conversation.dialog().state().name(),
				history(conversation.id()),
				new ServerFrame.ConsentState(policy.version(), policy.text(), policy.categories(), granted)));
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

	private void attach(Connection connection, Conversation conversation) {
		connection.sessionId = conversation.sessionId();
		connection.conversationId = conversation.id();
		this.bySession.put(conversation.sessionId(), connection);
	}

	private void send(Connection connection, ServerFrame frame) {
		String text;
		try {
			text = this.json.writeValueAsString(frame);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException(ex);
		}
		sendText(connection, text);
	}

	private void sendText(Connection connection, String frame) {
		try {
			connection.socket.sendMessage(new TextMessage(frame));
		}
		catch (IOException | IllegalStateException ex) {
			// A slow or vanished client: drop it rather than wait on it.
			log.debug("Closing session {} after a failed send: {}", connection.sessionId, ex.getMessage());
			closeQuietly(connection, CloseStatus.SESSION_NOT_RELIABLE);
		}
	}

	private static void closeQuietly(Connection connection, CloseStatus status) {
		try {
			connection.socket.close(status);
		}
		catch (IOException ex) {
			log.debug("Close failed: {}", ex.getMessage());
		}
	}

	private Instant now() {
		return this.live.now();
	}

	private String newToken() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Only a hash of the resume token is stored, so a database leak cannot take over conversations. */
	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@PreDestroy
	void stop() {
		this.timer.shutdownNow();
	}

}
