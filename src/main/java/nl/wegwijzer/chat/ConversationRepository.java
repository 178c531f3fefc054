package nl.wegwijzer.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.wegwijzer.dialog.DialogContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Conversations and their turns in the database, the source of truth for every instance. */
@Repository
public class ConversationRepository {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	ConversationRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Conversation conversation, String resumeTokenHash) {
		this.jdbc.sql("""
				insert into conversation (id, session_id, resume_token_hash, started_at, last_active_at, status, state,
				                          route, analytics, dialog)
				values (:id, :sessionId, :tokenHash, :startedAt, :lastActiveAt, :status, :state, :route, :analytics, :dialog)
				""")
			.param("id", conversation.id())
			.param("sessionId", conversation.sessionId())
			.param("tokenHash", resumeTokenHash)
			.param("startedAt", Timestamp.from(conversation.startedAt()))
			.param("lastActiveAt", Timestamp.from(conversation.lastActiveAt()))
			.param("status", conversation.status().name())
			.param("state", conversation.dialog().state().name())
			.param("route", conversation.dialog().route())
			.param("analytics", conversation.analytics())
			.param("dialog", write(conversation.dialog()))
			.update();
	}

	/** Stores a turn and the conversation as it is after it, together or not at all. */
	@Transactional
	public void save(Conversation conversation, Turn turn) {
		update(conversation);
		this.jdbc.sql("""
				insert into turn (conversation_id, author, visitor_text, reply, agent_name, intent, confidence, state,
				                  received_at, sent_at)
				values (:conversationId, :author, :visitorText, :reply, :agentName, :intent, :confidence, :state,
				        :receivedAt, :sentAt)
				""")
			.param("conversationId", conversation.id())
			.param("author", turn.author().name())
			.param("visitorText", turn.visitorText())
			.param("reply", turn.reply())
			.param("agentName", turn.agentName())
			.param("intent", turn.intent())
			.param("confidence", turn.confidence())
			.param("state", turn.state())
			.param("receivedAt", timestamp(turn.receivedAt()))
			.param("sentAt", timestamp(turn.sentAt()))
			.update();
	}

	public void update(Conversation conversation) {
		this.jdbc.sql("""
				update conversation set last_active_at = :lastActiveAt, status = :status, state = :state, route = :route,
				                        analytics = :analytics, dialog = :dialog
				where id = :id
				""")
			.param("id", conversation.id())
			.param("lastActiveAt", Timestamp.from(conversation.lastActiveAt()))
			.param("status", conversation.status().name())
			.param("state", conversation.dialog().state().name())
			.param("route", conversation.dialog().route())
			.param("analytics", conversation.analytics())
			.param("dialog", write(conversation.dialog()))
			.update();
	}

	public Optional<Conversation> find(String id) {
		return this.jdbc.sql("select * from conversation where id = :id").param("id", id).query(this::map).optional();
	}

	Optional<Conversation> findByResumeTokenHash(String hash) {
		return this.jdbc.sql("select * from conversation where resume_token_hash = :hash")
			.param("hash", hash)
			.query(this::map)
			.optional();
	}

	public List<Turn> turns(String conversationId) {
		return this.jdbc.sql("select * from turn where conversation_id = :id order by id")
			.param("id", conversationId)
			.query(ConversationRepository::mapTurn)
			.list();
	}

	private Conversation map(ResultSet rs, int row) throws SQLException {
		try {
			return new Conversation(rs.getString("id"), rs.getString("session_id"),
					rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("last_active_at").toInstant(),
					Conversation.Status.valueOf(rs.getString("status")), rs.getBoolean("analytics"),
					this.json.readValue(rs.getString("dialog"), DialogContext.class));
		}
		catch (JsonProcessingException ex) {
			throw new SQLException("Unreadable dialog of conversation " + rs.getString("id"), ex);
		}
	}

	private static Turn mapTurn(ResultSet rs, int row) throws SQLException {
		return new Turn(rs.getLong("id"), Turn.Author.valueOf(rs.getString("author")), rs.getString("visitor_text"),
				rs.getString("reply"), rs.getString("agent_name"), rs.getString("intent"),
				rs.getObject("confidence", Double.class), rs.getString("state"), instant(rs.getTimestamp("received_at")),
				instant(rs.getTimestamp("sent_at")));
	}

	private String write(DialogContext dialog) {
		try {
			return this.json.writeValueAsString(dialog);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
