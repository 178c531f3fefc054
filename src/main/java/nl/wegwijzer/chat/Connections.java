package nl.wegwijzer.chat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import static nl.wegwijzer.chat.ChatTexts.SAY;

/**
 * The chat connections open on this instance: by socket and by the session they hold, kept alive with
 * pings and closed when silent or idle. Frames for a visitor go to their connection here, or through the
 * {@link ClusterBus} to the instance that holds it.
 */
@Component
public class Connections {

	private static final Logger log = LoggerFactory.getLogger(Connections.class);

	private static final int SEND_TIME_LIMIT_MS = 5_000;

	private static final int SEND_BUFFER_LIMIT = 256 * 1024;

	private final Map<String, Connection> bySocket = new ConcurrentHashMap<>();

	private final Map<String, Connection> bySession = new ConcurrentHashMap<>();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "chat-timer");
		thread.setDaemon(true);
		return thread;
	});

	private final LimitSettings limits;

	private final ClusterBus cluster;

	private final VisitorPresence presence;

	private final HandoffTexts texts;

	private final ObjectMapper json;

	Connections(LimitSettings limits, ClusterBus cluster, VisitorPresence presence, Reception reception,
			ChatMetrics metrics, ObjectMapper json) {
		this.limits = limits;
		this.cluster = cluster;
		this.presence = presence;
		this.texts = reception.texts();
		this.json = json;
		metrics.watch(this.bySocket);
		long ping = limits.pingInterval().toMillis();
		this.timer.scheduleWithFixedDelay(this::ping, ping, ping, TimeUnit.MILLISECONDS);
	}

	Connection open(WebSocketSession socket) {
		Connection connection = new Connection(
				new ConcurrentWebSocketSessionDecorator(socket, SEND_TIME_LIMIT_MS, SEND_BUFFER_LIMIT),
				socket.getHandshakeHeaders().getFirst(HttpHeaders.USER_AGENT));
		this.bySocket.put(socket.getId(), connection);
		return connection;
	}

	/** The connection of a socket, or {@code null} once it closed. */
	Connection get(WebSocketSession socket) {
		return this.bySocket.get(socket.getId());
	}

	/** Runs {@code task} on the connections' timer after {@code delay}. */
	ScheduledFuture<?> later(Runnable task, Duration delay) {
		return this.timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** The client answered a ping. */
	void alive(WebSocketSession socket) {
		Connection connection = get(socket);
		if (connection != null) {
			connection.lastSeen = System.nanoTime();
		}
	}

	/** Forgets a closed socket; a pending consent prompt goes with it. */
	void closed(WebSocketSession socket) {
		Connection connection = this.bySocket.remove(socket.getId());
		if (connection != null) {
			synchronized (connection) {
				if (connection.consentPrompt != null) {
					connection.consentPrompt.cancel(false);
				}
				if (connection.sessionId != null) {
					forget(connection);
				}
			}
		}
	}

	/** The connection now holds the conversation; an older window of it here is closed. */
	void attach(Connection connection, Conversation conversation) {
		Connection previous = this.bySession.get(conversation.sessionId());
		if (previous != null && previous != connection) {
			closeQuietly(previous, CloseStatus.NORMAL.withReason(SAY.errors().otherWindow()));
		}
		connection.sessionId = conversation.sessionId();
		connection.conversationId = conversation.id();
		this.bySession.put(conversation.sessionId(), connection);
		this.presence.arrived(conversation.sessionId());
	}

	/** The connection holds no conversation any more. */
	void detach(Connection connection) {
		forget(connection);
		connection.sessionId = null;
		connection.conversationId = null;
	}

	private void forget(Connection connection) {
		if (this.bySession.remove(connection.sessionId, connection)) {
			this.presence.left(connection.sessionId);
		}
	}

	/** The connection of a session here, or {@code null}. */
	Connection ofSession(String sessionId) {
		return this.bySession.get(sessionId);
	}

	/** Whether the visitor of this session is connected right now, to this instance or another. */
	public boolean isOnline(String sessionId) {
		return !online(List.of(sessionId)).isEmpty();
	}

	/** Which of these sessions have their visitor connected right now, to this instance or another. */
	public Set<String> online(Collection<String> sessionIds) {
		Set<String> online = new HashSet<>();
		List<String> notHere = new ArrayList<>();
		for (String sessionId : sessionIds) {
			if (this.bySession.containsKey(sessionId)) {
				online.add(sessionId);
			}
			else {
				notHere.add(sessionId);
			}
		}
		online.addAll(this.presence.elsewhere(notHere));
		return online;
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

	void send(Connection connection, ServerFrame frame) {
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

	static void closeQuietly(Connection connection, CloseStatus status) {
		try {
			connection.socket.close(status);
		}
		catch (IOException ex) {
			log.debug("Close failed: {}", ex.getMessage());
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

	@PreDestroy
	void stop() {
		this.timer.shutdownNow();
	}

}
