package nl.wegwijzer.helpdesk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import nl.wegwijzer.chat.ConversationErased;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The append-only trail of what staff did, and of erasures visitors asked for: one row per action, written
 * after the action succeeded. There
 * is no way to change or delete a row through Wegwijzer, and the retention job leaves the table alone.
 */
@Service
class StaffAudit {

	static final int MAX_DETAIL_CHARS = 500;

	/** What was done; the names are what {@code GET /api/staff/audit} shows. */
	enum Action {

		VIEW, MESSAGE, NOTE, RELEASE, ASSIGN, UNASSIGN, CLOSE, REOPEN, EMAIL_REPLY, LABEL, EXPORT_LABELLED_EXAMPLES,
		RETRAIN, EXPORT_CONSENTS, VERIFY_CONSENTS, EXPORT, ERASE;

		String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** One entry; {@code conversationId} is null for actions on no single conversation. */
	record Entry(long id, Instant at, String actor, String action, String conversationId, String detail) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	StaffAudit(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The actor of an erasure the visitor asked for in the chat. */
	static final String VISITOR = "bezoeker";

	void record(String actor, Action action, String conversationId) {
		record(actor, action, conversationId, null);
	}

	void record(String actor, Action action, String conversationId, String detail) {
		String shortDetail = (detail == null || detail.length() <= MAX_DETAIL_CHARS) ? detail
				: detail.substring(0, MAX_DETAIL_CHARS);
		this.jdbc.sql("""
				insert into staff_audit (at, actor, action, conversation_id, detail)
				values (:at, :actor, :action, :conversationId, :detail)
				""")
			.param("at", Timestamp.from(this.clock.instant().truncatedTo(ChronoUnit.MILLIS)))
			.param("actor", actor)
			.param("action", action.code())
			.param("conversationId", conversationId)
			.param("detail", shortDetail)
			.update();
	}

	/** Newest first; only the entries naming {@code conversationId} when it is given. */
	List<Entry> latest(String conversationId, int limit) {
		String where = (conversationId == null) ? "" : "where conversation_id = :conversationId ";
		JdbcClient.StatementSpec query = this.jdbc
			.sql("select * from staff_audit " + where + "order by at desc, id desc fetch first %d rows only".formatted(limit));
		if (conversationId != null) {
			query = query.param("conversationId", conversationId);
		}
		return query.query(StaffAudit::map).list();
	}

	/**
	 * A visitor who erased their conversation leaves this entry, so staff see where it went; written once,
	 * by the instance the visitor was connected to.
	 */
	@EventListener
	void on(ConversationErased erased) {
		if (erased.byVisitor() && !erased.elsewhere()) {
			record(VISITOR, Action.ERASE, erased.conversationId());
		}
	}

	private static Entry map(ResultSet rs, int row) throws SQLException {
		return new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("conversation_id"), rs.getString("detail"));
	}

}
