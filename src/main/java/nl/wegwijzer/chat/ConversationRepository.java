package nl.wegwijzer.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.wegwijzer.dialog.DialogContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionOperations;

/** Conversations and their turns in the database, the source of truth for every instance. */
@Repository
public class ConversationRepository {

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final ObjectMapper json;

	/** Saves waiting for the next commit, oldest first. */
	private final Queue<PendingSave> pending = new ConcurrentLinkedQueue<>();

	/** Held by the one thread that commits; its release also publishes the outcome of every save it took. */
	private final Object commitLock = new Object();

	ConversationRepository(JdbcClient jdbc, TransactionOperations transactions, ObjectMapper json) {
		this.jdbc = jdbc;
		this.transactions = transactions;
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

	/**
	 * Stores a turn and the conversation as it is after it, together or not at all, and returns once both
	 * are committed. Saves that arrive while another commit runs wait for it and then share one
	 * transaction (group commit): every commit writes the database file, which is the chat's largest cost
	 * under load, so a busy server commits many replies at once instead of one after the other.
	 */
	public void save(Conversation conversation, Turn turn) {
		PendingSave save = new PendingSave(conversation, turn);
		this.pending.add(save);
		synchronized (this.commitLock) {
			if (!save.committed && save.failure == null) {
				List<PendingSave> batch = new ArrayList<>();
				for (PendingSave next = this.pending.poll(); next != null; next = this.pending.poll()) {
					batch.add(next);
				}
				commit(batch);
			}
		}
		if (save.failure != null) {
			throw save.failure;
		}
	}

	/** One transaction for the whole batch; if it fails, each save on its own, so one bad save fails alone. */
	private void commit(List<PendingSave> batch) {
		try {
			this.transactions.executeWithoutResult((status) -> batch.forEach(this::write));
			batch.forEach((save) -> save.committed = true);
		}
		catch (RuntimeException ex) {
			if (batch.size() == 1) {
				batch.get(0).failure = ex;
			}
			else {
				batch.forEach((save) -> commit(List.of(save)));
			}
		}
	}

	private void write(PendingSave save) {
		Conversation conversation = save.conversation;
		Turn turn = save.turn;
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

	/** A save on its way to the database; its outcome is written under the commit lock and read after taking it. */
	private static final class PendingSave {

		final Conversation conversation;

		final Turn turn;

		boolean committed;

		RuntimeException failure;

		PendingSave(Conversation conversation, Turn turn) {
			this.conversation = conversation;
			this.turn = turn;
		}

	}

}
