package nl.wegwijzer.helpdesk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes conversation and turn rows straight into the database, for tests that need them at set times. */
final class Rows {

	private final JdbcClient jdbc;

	Rows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A conversation that started and was last active at the given times; returns its id. */
	String conversation(Instant startedAt, Instant lastActiveAt, String status, String route, boolean analytics) {
		String id = UUID.randomUUID().toString();
		this.jdbc.sql("""
				insert into conversation (id, session_id, resume_token_hash, started_at, last_active_at, status, state,
				                          route, analytics, dialog)
				values (:id, :session, :token, :started, :last, :status, 'OPEN', :route, :analytics, :dialog)""")
			.param("id", id)
			.param("session", UUID.randomUUID().toString())
			.param("token", UUID.randomUUID().toString())
			.param("started", Timestamp.from(startedAt))
			.param("last", Timestamp.from(lastActiveAt))
			.param("status", status)
			.param("route", route)
			.param("analytics", analytics)
			.param("dialog", "{\"state\":\"OPEN\",\"options\":[],\"retries\":0,\"fallbacks\":0}")
			.update();
		return id;
	}

	String conversation(Instant at, boolean analytics) {
		return conversation(at, at, "BOT", null, analytics);
	}

	/** A bot reply to a visitor's message. */
	void reply(String conversationId, String visitorText, String intent, double confidence, String state, Instant at) {
		turn(conversationId, "BOT", visitorText, "Antwoord op: " + visitorText, null, intent, confidence, state, at);
	}

	void turn(String conversationId, String author, String visitorText, String reply, String agentName, String intent,
			Double confidence, String state, Instant at) {
		this.jdbc.sql("""
				insert into turn (conversation_id, author, visitor_text, reply, agent_name, intent, confidence, state,
				                  received_at, sent_at)
				values (:conversation, :author, :visitorText, :reply, :agent, :intent, :confidence, :state, :at, :at)""")
			.param("conversation", conversationId)
			.param("author", author)
			.param("visitorText", visitorText)
			.param("reply", reply)
			.param("agent", agentName)
			.param("intent", intent)
			.param("confidence", confidence)
			.param("state", state)
			.param("at", Timestamp.from(at))
			.update();
	}

	long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
