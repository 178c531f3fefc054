package nl.wegwijzer.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Append-only storage of consent records: rows are inserted and read, never updated, except that erasing
 * a conversation removes the user agent from its records. Every row is a link of the {@link ConsentChain}.
 */
@Repository
public class ConsentRepository {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	public ConsentRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Appends a record to the chain. The head row stays locked until the commit, so concurrent appends,
	 * also from other instances, take their turn and each links to the one before.
	 */
	public void insert(ConsentRecord given) {
		// Stored as microseconds on both databases: hash exactly what is read back.
		ConsentRecord record = new ConsentRecord(given.id(), given.sessionId(),
				given.givenAt().truncatedTo(ChronoUnit.MICROS), given.policyVersion(), given.granted(),
				given.refused(), given.method(), given.userAgent());
		this.transaction.executeWithoutResult((status) -> {
			Head head = this.jdbc.sql("select seq, hash from consent_chain where id = 1 for update")
				.query((rs, row) -> new Head(rs.getLong("seq"), rs.getString("hash")))
				.single();
			long seq = head.seq() + 1;
			String hash = ConsentChain.hash(head.hash(), record);
			insert(record, seq, head.hash(), hash);
			this.jdbc.sql("update consent_chain set seq = :seq, hash = :hash where id = 1")
				.param("seq", seq)
				.param("hash", hash)
				.update();
		});
	}

	/**
	 * Checks every record against the chain, oldest first. The head is read first and only the records
	 * up to it are checked, so appends made meanwhile are left for the next check.
	 */
	public ConsentChain.Report verify() {
		// Without a head row, nothing can match it: the check reports the newest record.
		Head head = this.jdbc.sql("select seq, hash from consent_chain where id = 1")
			.query((rs, row) -> new Head(rs.getLong("seq"), rs.getString("hash")))
			.optional()
			.orElse(new Head(Long.MAX_VALUE, ""));
		ConsentChain.Verifier verifier = new ConsentChain.Verifier();
		this.jdbc.sql("""
				select seq, prev_hash, hash, id, session_id, given_at, policy_version, granted, refused, method, user_agent,
				       user_agent_hash
				from consent_record where seq <= :seq
				union all
				select seq, null, hash, null, null, null, null, null, null, null, null, null from consent_pruned where seq <= :seq
				order by seq""")
			.param("seq", head.seq())
			.query((rs) -> {
				if (rs.getString("id") == null) {
					verifier.pruned(rs.getLong("seq"), rs.getString("hash"));
				}
				else {
					verifier.accept(rs.getLong("seq"), rs.getString("prev_hash"), rs.getString("hash"), map(rs, 0),
							rs.getString("user_agent_hash"));
				}
			});
		return verifier.finish(head.seq(), head.hash());
	}

	private void insert(ConsentRecord record, long seq, String prevHash, String hash) {
		this.jdbc.sql("""
				insert into consent_record (id, session_id, given_at, policy_version, granted, refused, method, user_agent,
				    user_agent_hash, seq, prev_hash, hash)
				values (:id, :sessionId, :givenAt, :policyVersion, :granted, :refused, :method, :userAgent,
				    :userAgentHash, :seq, :prevHash, :hash)
				""")
			.param("id", record.id())
			.param("sessionId", record.sessionId())
			.param("givenAt", Timestamp.from(record.givenAt()))
			.param("policyVersion", record.policyVersion())
			.param("granted", String.join(",", record.granted()))
			.param("refused", String.join(",", record.refused()))
			.param("method", record.method().name())
			.param("userAgent", record.userAgent())
			.param("userAgentHash", ConsentChain.userAgentHash(record.userAgent()))
			.param("seq", seq)
			.param("prevHash", prevHash)
			.param("hash", hash)
			.update();
	}

	public Optional<ConsentRecord> latest(String sessionId) {
		return this.jdbc.sql("""
				select * from consent_record where session_id = :sessionId
				order by given_at desc, id fetch first 1 rows only""")
			.param("sessionId", sessionId)
			.query(ConsentRepository::map)
			.optional();
	}

	/** Every record of one session, oldest first. */
	public List<ConsentRecord> forSession(String sessionId) {
		return this.jdbc.sql("select * from consent_record where session_id = :sessionId order by given_at, id")
			.param("sessionId", sessionId)
			.query(ConsentRepository::map)
			.list();
	}

	/** Records given in {@code [from, to)}, oldest first. */
	public List<ConsentRecord> between(Instant from, Instant to) {
		return this.jdbc.sql("select * from consent_record where given_at >= :from and given_at < :to order by given_at, id")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(ConsentRepository::map)
			.list();
	}

	/**
	 * Minimises the records of an erased conversation: the user agent goes, the choice and when it was made
	 * stay as proof. The chain holds only the user agent's hash, so it still checks.
	 * @return how many records were minimised
	 */
	public int eraseUserAgents(String sessionId) {
		return this.jdbc.sql("update consent_record set user_agent = null where session_id = :sessionId and user_agent is not null")
			.param("sessionId", sessionId)
			.update();
	}

	/**
	 * Deletes the records given before {@code before}, keeping only the sequence number and hash of each so
	 * the chain over the records after them still checks.
	 * @return how many records were deleted
	 */
	public long deleteGivenBefore(Instant before) {
		return this.transaction.execute((status) -> {
			this.jdbc.sql("insert into consent_pruned (seq, hash) select seq, hash from consent_record where given_at < :before")
				.param("before", Timestamp.from(before))
				.update();
			return (long) this.jdbc.sql("delete from consent_record where given_at < :before")
				.param("before", Timestamp.from(before))
				.update();
		});
	}

	/** The record in the current row of a {@code consent_record} query. */
	public static ConsentRecord read(ResultSet rs) throws SQLException {
		return map(rs, 0);
	}

	private static ConsentRecord map(ResultSet rs, int row) throws SQLException {
		return new ConsentRecord(rs.getString("id"), rs.getString("session_id"), rs.getTimestamp("given_at").toInstant(),
				rs.getString("policy_version"), split(rs.getString("granted")), split(rs.getString("refused")),
				ConsentRecord.Method.valueOf(rs.getString("method")), rs.getString("user_agent"));
	}

	/** The newest link of the chain: its sequence number and hash. */
	private record Head(long seq, String hash) {
	}

	private static List<String> split(String joined) {
		return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
	}

}
