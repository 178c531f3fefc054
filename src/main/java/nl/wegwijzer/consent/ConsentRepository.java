package nl.wegwijzer.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Append-only storage of consent records: rows are inserted and read, never updated. */
@Repository
public class ConsentRepository {

	private final JdbcClient jdbc;

	public ConsentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(ConsentRecord record) {
		this.jdbc.sql("""
				insert into consent_record (id, session_id, given_at, policy_version, granted, refused, method, user_agent)
				values (:id, :sessionId, :givenAt, :policyVersion, :granted, :refused, :method, :userAgent)
				""")
			.param("id", record.id())
			.param("sessionId", record.sessionId())
			.param("givenAt", Timestamp.from(record.givenAt()))
			.param("policyVersion", record.policyVersion())
			.param("granted", String.join(",", record.granted()))
			.param("refused", String.join(",", record.refused()))
			.param("method", record.method().name())
			.param("userAgent", record.userAgent())
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

	private static ConsentRecord map(ResultSet rs, int row) throws SQLException {
		return new ConsentRecord(rs.getString("id"), rs.getString("session_id"), rs.getTimestamp("given_at").toInstant(),
				rs.getString("policy_version"), split(rs.getString("granted")), split(rs.getString("refused")),
				ConsentRecord.Method.valueOf(rs.getString("method")), rs.getString("user_agent"));
	}

	private static List<String> split(String joined) {
		return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
	}

}
