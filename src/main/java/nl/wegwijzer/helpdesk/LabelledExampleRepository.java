package nl.wegwijzer.helpdesk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Labelled examples in the database, so that no label is lost when the server restarts. An example lives
 * as long as the conversation its text came from: erasure and the retention job delete it with it.
 */
@Repository
class LabelledExampleRepository {

	private final JdbcClient jdbc;

	LabelledExampleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	LabelledExample insert(long turnId, String conversationId, String text, String intent, Instant createdAt,
			String createdBy) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into labelled_example (turn_id, conversation_id, text, intent, created_at, created_by)
				values (:turnId, :conversationId, :text, :intent, :createdAt, :createdBy)
				""")
			.param("turnId", turnId)
			.param("conversationId", conversationId)
			.param("text", text)
			.param("intent", intent)
			.param("createdAt", Timestamp.from(createdAt))
			.param("createdBy", createdBy)
			.update(keys, "id");
		return new LabelledExample(keys.getKeyAs(Number.class).longValue(), text, intent, createdAt, createdBy);
	}

	/** Every labelled example, newest first. */
	List<LabelledExample> findAll() {
		return this.jdbc.sql("select * from labelled_example order by created_at desc, id desc")
			.query(LabelledExampleRepository::map)
			.list();
	}

	/** The examples made from a conversation's texts, oldest first. */
	List<LabelledExample> forConversation(String conversationId) {
		return this.jdbc.sql("select * from labelled_example where conversation_id = :id order by created_at, id")
			.param("id", conversationId)
			.query(LabelledExampleRepository::map)
			.list();
	}

	/** How many examples carry an intent, that is: could be trained on. */
	long countWithIntent() {
		return this.jdbc.sql("select count(*) from labelled_example where intent <> :newQuestion")
			.param("newQuestion", LabelledExample.NEW_QUESTION)
			.query(Long.class)
			.single();
	}

	private static LabelledExample map(ResultSet rs, int row) throws SQLException {
		return new LabelledExample(rs.getLong("id"), rs.getString("text"), rs.getString("intent"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	}

}
