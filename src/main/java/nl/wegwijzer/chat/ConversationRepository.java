package nl.wegwijzer.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import nl.wegwijzer.dialog.DialogContext;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/** Conversations and their turns in the database, the source of truth for every instance. */
@Repository
public class ConversationRepository {

	private static final String UPDATE_CONVERSATION = """
			update conversation set last_active_at = :lastActiveAt, status = :status, state = :state, route = :route,
			                        analytics = :analytics, dialog = :dialog, assignee = :assignee, email = :email,
			                        waiting_since = :waitingSince, first_response_at = :firstResponseAt,
			                        offered_email_at = :offeredEmailAt, closed_at = :closedAt, close_reason = :closeReason
			where id = :id
			""";

	private static final String INSERT_TURN = """
			insert into turn (conversation_id, author, visitor_text, reply, agent_name, intent, confidence, state,
			                  received_at, sent_at, quick_replies)
			values (:conversationId, :author, :visitorText, :reply, :agentName, :intent, :confidence, :state,
			        :receivedAt, :sentAt, :quickReplies)
			""";

	private final NamedParameterJdbcOperations named;

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final ObjectMapper json;

	/** Saves waiting for the next commit, oldest first. */
	private final Queue<PendingSave> pending = new ConcurrentLinkedQueue<>();

	/** Held by the one thread that commits. */
	private final Lock commitLock = new ReentrantLock();

	public ConversationRepository(NamedParameterJdbcOperations named, PlatformTransactionManager transactions,
			ObjectMapper json) {
		this.named = named;
		this.jdbc = JdbcClient.create(named);
		// A group holds other visitors' turns too, so it never joins a transaction its committer is in.
		TransactionTemplate group = new TransactionTemplate(transactions);
		group.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.transactions = group;
		this.json = json;
	}

	void insert(Conversation conversation, String resumeTokenHash) {
		this.jdbc.sql("""
				insert into conversation (id, session_id, resume_token_hash, started_at, last_active_at, status, state,
				                          route, analytics, dialog, assignee, email, waiting_since, first_response_at,
				                          offered_email_at, closed_at, close_reason)
				values (:id, :sessionId, :tokenHash, :startedAt, :lastActiveAt, :status, :state, :route, :analytics, :dialog,
				        :assignee, :email, :waitingSince, :firstResponseAt, :offeredEmailAt, :closedAt, :closeReason)
				""")
			.paramSource(parameters(conversation).addValue("sessionId", conversation.sessionId())
				.addValue("tokenHash", resumeTokenHash)
				.addValue("startedAt", Timestamp.from(conversation.startedAt())))
			.update();
	}

	/**
	 * Stores a turn and the conversation as it is after it, together or not at all, and returns once both
	 * are committed. Saves that arrive while another commit runs wait for it and then share one
	 * transaction (group commit): every commit writes the database file, which is the chat's largest cost
	 * under load, so a busy server commits many replies at once instead of one after the other.
	 */
	public long save(Conversation conversation, Turn turn) {
		PendingSave save = new PendingSave(conversation, turn, new CompletableFuture<>());
		this.pending.add(save);
		// Whoever gets the lock commits everything queued, and checks the queue again after letting go:
		// a save queued while the lock was taken is then always picked up, by the holder or by its owner.
		// Under steady load the holder may commit several groups before its own call returns.
		while (!this.pending.isEmpty() && this.commitLock.tryLock()) {
			try {
				for (List<PendingSave> batch = drain(); !batch.isEmpty(); batch = drain()) {
					commit(batch);
				}
			}
			finally {
				this.commitLock.unlock();
			}
		}
		try {
			return save.done().join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	private List<PendingSave> drain() {
		List<PendingSave> batch = new ArrayList<>();
		for (PendingSave next = this.pending.poll(); next != null; next = this.pending.poll()) {
			batch.add(next);
		}
		return batch;
	}

	/**
	 * One transaction for the whole batch; if it fails, each save on its own, so one bad save fails alone.
	 * Every save ends completed or failed, even on an {@link Error}: its owner is waiting for it.
	 */
	private void commit(List<PendingSave> batch) {
		try {
			List<Long> ids = this.transactions.execute((status) -> store(batch));
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).done().complete(ids.get(i));
			}
		}
		catch (RuntimeException | Error ex) {
			if (batch.size() == 1 || ex instanceof Error) {
				batch.forEach((save) -> save.done().completeExceptionally(ex));
			}
			else {
				batch.forEach((save) -> commit(List.of(save)));
			}
		}
	}

	/**
	 * Two statements for the whole batch, each sent as one JDBC batch: one round trip each on a server.
	 * Returns the new turns' ids, in the batch's order.
	 */
	private List<Long> store(List<PendingSave> batch) {
		this.named.batchUpdate(UPDATE_CONVERSATION,
				batch.stream().map((save) -> parameters(save.conversation())).toArray(SqlParameterSource[]::new));
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.named.batchUpdate(INSERT_TURN, batch.stream()
			.map((save) -> parameters(save.conversation(), save.turn()))
			.toArray(SqlParameterSource[]::new), keys, new String[] { "id" });
		return keys.getKeyList().stream().map((row) -> ((Number) row.values().iterator().next()).longValue()).toList();
	}

	/**
	 * Stores the visitor's rating of a bot reply of this conversation.
	 * @return whether there is such a reply
	 */
	boolean rate(String conversationId, long turnId, String rating) {
		return this.jdbc.sql("""
				update turn set rating = :rating
				where id = :id and conversation_id = :conversationId and author = 'BOT' and reply is not null
				""")
			.param("rating", rating)
			.param("id", turnId)
			.param("conversationId", conversationId)
			.update() == 1;
	}

	/** The conversation can no longer be resumed: its token is replaced by the hash of one nobody holds. */
	void dropResumeToken(String conversationId, String unusedHash) {
		this.jdbc.sql("update conversation set resume_token_hash = :hash where id = :id")
			.param("id", conversationId)
			.param("hash", unusedHash)
			.update();
	}

	public void update(Conversation conversation) {
		this.jdbc.sql(UPDATE_CONVERSATION).paramSource(parameters(conversation)).update();
	}

	private MapSqlParameterSource parameters(Conversation conversation) {
		Conversation.Handling handling = conversation.handling();
		return new MapSqlParameterSource().addValue("id", conversation.id())
			.addValue("lastActiveAt", Timestamp.from(conversation.lastActiveAt()))
			.addValue("status", conversation.status().name())
			.addValue("state", conversation.dialog().state().name())
			.addValue("route", conversation.dialog().route())
			.addValue("analytics", conversation.analytics())
			.addValue("dialog", write(conversation.dialog()))
			.addValue("assignee", handling.assignee())
			.addValue("email", handling.email())
			.addValue("waitingSince", timestamp(handling.waitingSince()))
			.addValue("firstResponseAt", timestamp(handling.firstResponseAt()))
			.addValue("offeredEmailAt", timestamp(handling.offeredEmailAt()))
			.addValue("closedAt", timestamp(handling.closedAt()))
			.addValue("closeReason", handling.closeReason());
	}

	private SqlParameterSource parameters(Conversation conversation, Turn turn) {
		return new MapSqlParameterSource().addValue("conversationId", conversation.id())
			.addValue("author", turn.author().name())
			.addValue("visitorText", turn.visitorText())
			.addValue("reply", turn.reply())
			.addValue("agentName", turn.agentName())
			.addValue("intent", turn.intent())
			.addValue("confidence", turn.confidence())
			.addValue("state", turn.state())
			.addValue("receivedAt", timestamp(turn.receivedAt()))
			.addValue("sentAt", timestamp(turn.sentAt()))
			.addValue("quickReplies", turn.quickReplies().isEmpty() ? null : write(turn.quickReplies()));
	}

	public Optional<Conversation> find(String id) {
		return this.jdbc.sql("select * from conversation where id = :id").param("id", id).query(this::map).optional();
	}

	/** A stored turn's conversation, and the visitor's text in it: empty for a greeting or a staff message. */
	public record TurnSource(String conversationId, String visitorText) {
	}

	public Optional<TurnSource> turnSource(long turnId) {
		return this.jdbc.sql("select conversation_id, coalesce(visitor_text, '') as visitor_text from turn where id = :id")
			.param("id", turnId)
			.query((rs, row) -> new TurnSource(rs.getString("conversation_id"), rs.getString("visitor_text")))
			.optional();
	}

	/**
	 * Deletes the conversations last active before {@code before}: the retention job's part of the chat.
	 * Their turns and labelled examples go with them (the foreign keys cascade).
	 * @return how many were deleted
	 */
	public long deleteInactiveBefore(Instant before) {
		return this.jdbc.sql("delete from conversation where last_active_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

	/** Deletes the conversation; its turns and labelled examples go with it (the foreign keys cascade). */
	void delete(String conversationId) {
		this.jdbc.sql("delete from conversation where id = :id").param("id", conversationId).update();
	}

	/**
	 * Gives the conversation a new resume token, if the old one is still its token: of two resumes with
	 * one token, only the first gets the new one.
	 */
	boolean replaceResumeToken(String conversationId, String oldHash, String newHash) {
		return this.jdbc.sql("update conversation set resume_token_hash = :newHash where id = :id and resume_token_hash = :oldHash")
			.param("id", conversationId)
			.param("oldHash", oldHash)
			.param("newHash", newHash)
			.update() == 1;
	}

	Optional<Conversation> findByResumeTokenHash(String hash) {
		return this.jdbc.sql("select * from conversation where resume_token_hash = :hash")
			.param("hash", hash)
			.query(this::map)
			.optional();
	}

	/**
	 * The ids of the conversations in a status, the longest waiting first and those without a wait last
	 * (spelled out: H2 sorts nulls first, PostgreSQL last).
	 */
	List<String> idsWithStatus(Conversation.Status status) {
		return this.jdbc.sql("""
				select id from conversation where status = :status
				order by waiting_since nulls last, last_active_at""")
			.param("status", status.name())
			.query(String.class)
			.list();
	}

	/** The display name on the conversation's latest staff message, or {@code null} before any. */
	Optional<String> lastAgentName(String conversationId) {
		return this.jdbc.sql("""
				select agent_name from turn where conversation_id = :id and author = 'AGENT'
				order by id desc fetch first 1 rows only""")
			.param("id", conversationId)
			.query(String.class)
			.optional();
	}

	/**
	 * How many visitors wait for staff and asked before {@code since}: the queue in front of a new one. A
	 * visitor who left is no longer {@code WAITING} once they cannot resume (see {@link WaitingWatch}).
	 */
	int waitingBefore(Instant since) {
		return this.jdbc.sql("select count(*) from conversation where status = 'WAITING' and waiting_since < :since")
			.param("since", Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

	/**
	 * How long staff took to first answer in the chat the requests for a person since {@code since}, newest
	 * first; offline messages, answered by e-mail, are left out.
	 */
	List<Duration> recentFirstResponses(Instant since, Instant until, int limit) {
		return this.jdbc.sql("""
				select waiting_since, first_response_at from conversation
				where first_response_at is not null and waiting_since >= :since and first_response_at <= :until
				  and email is null
				order by first_response_at desc fetch first %d rows only""".formatted(limit))
			.param("since", Timestamp.from(since))
			.param("until", Timestamp.from(until))
			.query((rs, row) -> Duration.between(rs.getTimestamp("waiting_since").toInstant(),
					rs.getTimestamp("first_response_at").toInstant()))
			.list();
	}

	public List<Turn> turns(String conversationId) {
		return this.jdbc.sql("select * from turn where conversation_id = :id order by id")
			.param("id", conversationId)
			.query(this::mapTurn)
			.list();
	}

	private Conversation map(ResultSet rs, int row) throws SQLException {
		try {
			return new Conversation(rs.getString("id"), rs.getString("session_id"),
					rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("last_active_at").toInstant(),
					Conversation.Status.valueOf(rs.getString("status")), rs.getBoolean("analytics"),
					this.json.readValue(rs.getString("dialog"), DialogContext.class),
					new Conversation.Handling(rs.getString("assignee"), rs.getString("email"),
							instant(rs.getTimestamp("waiting_since")), instant(rs.getTimestamp("first_response_at")),
							instant(rs.getTimestamp("offered_email_at")), instant(rs.getTimestamp("closed_at")),
							rs.getString("close_reason")));
		}
		catch (JacksonException ex) {
			throw new SQLException("Unreadable dialog of conversation " + rs.getString("id"), ex);
		}
	}

	private Turn mapTurn(ResultSet rs, int row) throws SQLException {
		String quickReplies = rs.getString("quick_replies");
		try {
			return new Turn(rs.getLong("id"), Turn.Author.valueOf(rs.getString("author")), rs.getString("visitor_text"),
					rs.getString("reply"), rs.getString("agent_name"), rs.getString("intent"),
					rs.getObject("confidence", Double.class), rs.getString("state"),
					instant(rs.getTimestamp("received_at")), instant(rs.getTimestamp("sent_at")),
					(quickReplies != null) ? List.of(this.json.readValue(quickReplies, String[].class)) : List.of(),
					rs.getString("rating"));
		}
		catch (JacksonException ex) {
			throw new SQLException("Unreadable quick replies of turn " + rs.getLong("id"), ex);
		}
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** A save on its way to the database, and the commit its owner waits for. */
	private record PendingSave(Conversation conversation, Turn turn, CompletableFuture<Long> done) {
	}

}
