package nl.wegwijzer.chat;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import nl.wegwijzer.consent.ConsentPolicy;
import nl.wegwijzer.consent.ConsentService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.web.socket.WebSocketSession;

import static nl.wegwijzer.chat.ChatTexts.SAY;

/**
 * The protocol's rules: every frame read strictly and within the rate limit, consent before anything
 * else (a returning client may resume instead), and a Dutch error frame for whatever cannot be done. What
 * a frame does to the conversation is {@link ChatConversations}'s.
 */
@Service
class ChatService {

	static final String CONSENT_REQUIRED = "consent_required";

	static final String RESUME_FAILED = "resume_failed";

	static final String RATE_LIMITED = "rate_limited";

	static final String SERVER_ERROR = "server_error";

	/** How often typing is passed on, either way. */
	static final Duration TYPING_INTERVAL = Duration.ofSeconds(2);

	/** The log context key that ties a log line to a chat session; message texts are never logged. */
	static final String SESSION_ID = "sessionId";

	private static final Logger log = LoggerFactory.getLogger(ChatService.class);

	private final ClientFrames frames;

	private final Connections connections;

	private final ChatConversations conversations;

	private final ConsentService consent;

	private final ChatSettings settings;

	private final RateLimiter rateLimiter;

	private final ApplicationEventPublisher events;

	ChatService(ClientFrames frames, Connections connections, ChatConversations conversations, ConsentService consent,
			ChatSettings settings, RateLimiter rateLimiter, ApplicationEventPublisher events) {
		this.frames = frames;
		this.connections = connections;
		this.conversations = conversations;
		this.consent = consent;
		this.settings = settings;
		this.rateLimiter = rateLimiter;
		this.events = events;
	}

	void open(WebSocketSession socket) {
		Connection connection = this.connections.open(socket);
		// A returning client sends `resume` straight away; everyone else is asked for consent.
		connection.consentPrompt = this.connections.later(() -> {
			synchronized (connection) {
				requestConsent(connection);
			}
		}, this.settings.resumeGrace());
	}

	void receive(WebSocketSession socket, String payload) {
		Connection connection = this.connections.get(socket);
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

	void alive(WebSocketSession socket) {
		this.connections.alive(socket);
	}

	void closed(WebSocketSession socket) {
		this.connections.closed(socket);
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
			dispatch(connection, frame);
		}
		catch (RuntimeException ex) {
			// Storage down, or a bug: the visitor hears so, the log gets one line, the connection stays.
			log.error("Could not handle a frame of session {}: {}", connection.sessionId, ex.toString());
			send(connection, new ServerFrame.Error(SERVER_ERROR, SAY.errors().serverError()));
		}
	}

	private void dispatch(Connection connection, ClientFrame frame) {
		if (frame instanceof ClientFrame.Consent c) {
			this.conversations.consent(connection, c.policyVersion(), c.categories());
		}
		else if (frame instanceof ClientFrame.Resume r) {
			if (connection.inSession()) {
				send(connection, new ServerFrame.Error(ClientFrames.BAD_REQUEST, SAY.errors().alreadyInSession()));
			}
			else if (!this.conversations.resume(connection, r.resumeToken())) {
				requestConsent(connection);
			}
		}
		else if (frame instanceof ClientFrame.Erase) {
			if (connection.inSession()) {
				this.conversations.erase(connection);
			}
			else {
				send(connection, new ServerFrame.Error(ClientFrames.BAD_REQUEST, SAY.errors().nothingToErase()));
			}
		}
		else if (!connection.inSession()) {
			send(connection, new ServerFrame.Error(CONSENT_REQUIRED, SAY.errors().consentRequired()));
		}
		else if (frame instanceof ClientFrame.Message m) {
			this.conversations.message(connection, m.text());
		}
		else if (frame instanceof ClientFrame.Rate r) {
			this.conversations.rate(connection, r.turnId(), r.rating());
		}
		else if (frame instanceof ClientFrame.End) {
			this.conversations.end(connection);
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

	private void send(Connection connection, ServerFrame frame) {
		this.connections.send(connection, frame);
	}

}
