package nl.wegwijzer.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Which visitors are connected to another instance on the same PostgreSQL database. Each instance marks
 * the sessions it holds in table {@code visitor_presence} and renews its marks every 30 s; a mark lapses
 * {@link #LAPSE} after its last renewal, so the marks of an instance that died go by themselves. On H2
 * there is one instance, and nothing is marked.
 */
@Component
class VisitorPresence {

	private static final Duration LAPSE = Duration.ofSeconds(90);

	private static final Logger log = LoggerFactory.getLogger(VisitorPresence.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final boolean enabled;

	private final String instance = UUID.randomUUID().toString();

	VisitorPresence(JdbcClient jdbc, Clock clock, ClusterBus cluster) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.enabled = cluster.enabled();
	}

	/** The visitor of a session is connected here now. */
	void arrived(String sessionId) {
		if (!this.enabled) {
			return;
		}
		try {
			// An update, else an insert; an insert that lost a race with another instance is that update.
			if (mark(sessionId) == 0) {
				try {
					this.jdbc
						.sql("insert into visitor_presence (session_id, instance, seen_at)"
								+ " values (:session, :instance, :at)")
						.param("session", sessionId)
						.param("instance", this.instance)
						.param("at", this.clock.millis())
						.update();
				}
				catch (DuplicateKeyException ex) {
					mark(sessionId);
				}
			}
		}
		catch (DataAccessException ex) {
			// Presence only informs the inbox; the chat goes on without it.
			log.warn("Could not mark session {} as online: {}", sessionId, ex.toString());
		}
	}

	private int mark(String sessionId) {
		return this.jdbc
			.sql("update visitor_presence set instance = :instance, seen_at = :at where session_id = :session")
			.param("instance", this.instance)
			.param("at", this.clock.millis())
			.param("session", sessionId)
			.update();
	}

	/** The visitor of a session is no longer connected here; a mark another instance took over stays. */
	void left(String sessionId) {
		if (!this.enabled) {
			return;
		}
		try {
			this.jdbc.sql("delete from visitor_presence where session_id = :session and instance = :instance")
				.param("session", sessionId)
				.param("instance", this.instance)
				.update();
		}
		catch (DataAccessException ex) {
			log.warn("Could not mark session {} as offline: {}", sessionId, ex.toString());
		}
	}

	/** Which of these sessions another instance holds a connection of now. */
	Set<String> elsewhere(Collection<String> sessionIds) {
		if (!this.enabled || sessionIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(this.jdbc
			.sql("select session_id from visitor_presence where session_id in (:sessions) and instance <> :instance"
					+ " and seen_at > :lapsed")
			.param("sessions", sessionIds)
			.param("instance", this.instance)
			.param("lapsed", this.clock.millis() - LAPSE.toMillis())
			.query(String.class)
			.list());
	}

	/** Renews this instance's marks and clears the lapsed ones of instances that went. */
	@Scheduled(fixedRate = 30, initialDelay = 30, timeUnit = TimeUnit.SECONDS)
	void renew() {
		if (!this.enabled) {
			return;
		}
		long now = this.clock.millis();
		this.jdbc.sql("update visitor_presence set seen_at = :at where instance = :instance")
			.param("at", now)
			.param("instance", this.instance)
			.update();
		this.jdbc.sql("delete from visitor_presence where seen_at <= :lapsed")
			.param("lapsed", now - LAPSE.toMillis())
			.update();
	}

	/** A clean stop: this instance's visitors are offline until they connect to another. */
	@PreDestroy
	void stop() {
		if (!this.enabled) {
			return;
		}
		try {
			this.jdbc.sql("delete from visitor_presence where instance = :instance").param("instance", this.instance).update();
		}
		catch (DataAccessException ex) {
			log.warn("Could not mark this instance's visitors as offline: {}", ex.toString());
		}
	}

}
