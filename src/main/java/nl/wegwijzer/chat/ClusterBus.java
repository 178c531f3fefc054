package nl.wegwijzer.chat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import nl.wegwijzer.nlu.IntentService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Makes several instances on one PostgreSQL database one service: what happens on one instance is told to
 * the others with {@code NOTIFY}, and each publishes it again as if it had happened there. So a change of a
 * conversation reaches every instance's staff inbox, and a frame for a visitor reaches the instance that
 * holds the visitor's connection. Messages carry ids (a frame for a visitor carries the frame itself, at
 * most a staff message long), and whoever needs more reads the database.
 *
 * <p>One connection of its own, outside the pool, listens; it is opened again after it was lost. On H2 the
 * bus does nothing: an H2 database has one instance.
 */
@Component
class ClusterBus implements SmartLifecycle {

	static final String CHANNEL = "wegwijzer_cluster";

	/** PostgreSQL refuses a payload of 8000 bytes or more. */
	static final int MAX_PAYLOAD_BYTES = 7_999;

	private static final long POLL_MILLIS = 1_000;

	/** A listening connection that heard nothing this long is asked a query, so a dead one is noticed. */
	private static final long CHECK_MILLIS = 30_000;

	private static final long RECONNECT_MILLIS = 2_000;

	private static final Logger log = LoggerFactory.getLogger(ClusterBus.class);

	/** Delivered to the other instances: what happened ({@code kind}) and the ids it happened to. */
	record Message(String from, String kind, String conversationId, String sessionId, Boolean byVisitor,
			JsonNode frame) {
	}

	/** A frame for a visitor whose connection may be held here. */
	record Delivery(String sessionId, String frame) {
	}

	/** The visitor of a session resumed it on another instance: a connection here is the other window. */
	record ResumedElsewhere(String sessionId) {
	}

	/** Events this thread publishes because another instance announced them: not announced again. */
	private static final ThreadLocal<Boolean> RELAYING = ThreadLocal.withInitial(() -> false);

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final ObjectMapper json;

	private final IntentService intents;

	private final boolean enabled;

	private final String instance = UUID.randomUUID().toString();

	private volatile boolean running;

	private volatile Thread listener;

	ClusterBus(DataSource dataSource, ApplicationEventPublisher events, ObjectMapper json, IntentService intents) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.events = events;
		this.json = json;
		this.intents = intents;
		this.enabled = isPostgres(dataSource);
	}

	private static boolean isPostgres(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return "PostgreSQL".equals(product);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database this is", ex);
		}
	}

	/** Whether other instances may share the database, and so change conversations behind this one's back. */
	boolean enabled() {
		return this.enabled;
	}

	@EventListener
	void on(ConversationChanged changed) {
		announce(new Message(this.instance, "changed", changed.conversationId(), null, null, null));
	}

	@EventListener
	void on(VisitorTyping typing) {
		announce(new Message(this.instance, "typing", typing.conversationId(), null, null, null));
	}

	@EventListener
	void on(ConversationErased erased) {
		announce(new Message(this.instance, "erased", erased.conversationId(), erased.sessionId(), erased.byVisitor(),
				null));
	}

	/** Sends a frame to the visitor of a session on whichever other instance holds their connection. */
	void deliver(String sessionId, ServerFrame frame) {
		if (this.enabled) {
			announce(new Message(this.instance, "deliver", null, sessionId, null, this.json.valueToTree(frame)));
		}
	}

	/** Closes the visitor's connections to a session on other instances: it was resumed here. */
	void resumed(String sessionId) {
		announce(new Message(this.instance, "resumed", null, sessionId, null, null));
	}

	private void announce(Message message) {
		if (!this.enabled || RELAYING.get()) {
			return;
		}
		String payload = this.json.writeValueAsString(message);
		if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
			// Cannot happen with the frames there are (a staff message is at most 2,000 characters); what was
			// stored is kept, and the visitor sees it on their next resume.
			log.warn("Not told to the other instances, too large: {} of conversation {} / session {}", message.kind(),
					message.conversationId(), message.sessionId());
			return;
		}
		try {
			this.jdbc.query("select pg_notify(?, ?)", (rs) -> null, CHANNEL, payload);
		}
		catch (RuntimeException ex) {
			// The change itself is stored; only the other instances' live views miss it until they reload.
			log.warn("Could not tell the other instances about {} of conversation {}: {}", message.kind(),
					message.conversationId(), ex.toString());
		}
	}

	/** Publishes here what another instance announced; anything unreadable is ignored. */
	void receive(String payload) {
		Message message;
		try {
			message = this.json.readValue(payload, Message.class);
		}
		catch (JacksonException ex) {
			log.warn("Ignored an unreadable message on channel {}", CHANNEL);
			return;
		}
		if (message.kind() == null || this.instance.equals(message.from())) {
			return;
		}
		RELAYING.set(true);
		try {
			switch (message.kind()) {
				case "changed" -> {
					if (message.conversationId() != null) {
						this.events.publishEvent(new ConversationChanged(message.conversationId()));
					}
				}
				case "typing" -> {
					if (message.conversationId() != null) {
						this.events.publishEvent(new VisitorTyping(message.conversationId()));
					}
				}
				case "erased" -> {
					if (message.conversationId() != null && message.sessionId() != null) {
						this.intents.forgetCachedTexts();
						this.events.publishEvent(new ConversationErased(message.conversationId(), message.sessionId(),
								Boolean.TRUE.equals(message.byVisitor()), true));
					}
				}
				case "deliver" -> {
					if (message.sessionId() != null && message.frame() != null && message.frame().isObject()) {
						this.events.publishEvent(new Delivery(message.sessionId(), message.frame().toString()));
					}
				}
				case "resumed" -> {
					if (message.sessionId() != null) {
						this.events.publishEvent(new ResumedElsewhere(message.sessionId()));
					}
				}
				default -> log.debug("Ignored a message of kind {} on channel {}", message.kind(), CHANNEL);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not act on {} from another instance: {}", message.kind(), ex.toString());
		}
		finally {
			RELAYING.remove();
		}
	}

	@Override
	public void start() {
		if (!this.enabled || this.running) {
			return;
		}
		this.running = true;
		Thread thread = new Thread(this::listen, "cluster-listener");
		thread.setDaemon(true);
		this.listener = thread;
		thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.listener;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(TimeUnit.SECONDS.toMillis(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		boolean lost = false;
		while (this.running) {
			try (Connection connection = openOwnConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("listen " + CHANNEL);
				}
				if (lost) {
					log.info("Listening to the other instances again");
				}
				lost = false;
				poll(connection);
			}
			catch (SQLException ex) {
				if (!this.running) {
					return;
				}
				if (!lost) {
					log.warn("Lost the connection that hears the other instances; trying again every {} ms: {}",
							RECONNECT_MILLIS, ex.toString());
				}
				lost = true;
				try {
					Thread.sleep(RECONNECT_MILLIS);
				}
				catch (InterruptedException interrupted) {
					return;
				}
			}
		}
	}

	private void poll(Connection connection) throws SQLException {
		PGConnection postgres = connection.unwrap(PGConnection.class);
		long heard = System.nanoTime();
		while (this.running) {
			PGNotification[] notifications = postgres.getNotifications((int) POLL_MILLIS);
			if (notifications != null && notifications.length > 0) {
				heard = System.nanoTime();
				for (PGNotification notification : notifications) {
					receive(notification.getParameter());
				}
			}
			else if (System.nanoTime() - heard > TimeUnit.MILLISECONDS.toNanos(CHECK_MILLIS)) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("select 1");
				}
				heard = System.nanoTime();
			}
		}
	}

	/**
	 * A connection of its own, outside the pool, for a session held for good (listening, advisory locks):
	 * a pool must not hand it out or retire it.
	 */
	Connection openOwnConnection() throws SQLException {
		if (this.dataSource.isWrapperFor(HikariDataSource.class)) {
			HikariDataSource hikari = this.dataSource.unwrap(HikariDataSource.class);
			if (hikari.getJdbcUrl() != null) {
				return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
			}
		}
		// Configured otherwise: a connection of the pool, held for good.
		return this.dataSource.getConnection();
	}

}
