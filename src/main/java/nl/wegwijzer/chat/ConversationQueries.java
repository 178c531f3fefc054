package nl.wegwijzer.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The chat's query API for the helpdesk's inbox, over the conversation and turn tables the chat owns: one
 * row per conversation with what staff need to pick it out. Plain SQL that runs on H2 and PostgreSQL alike.
 */
@Repository
public class ConversationQueries {

	/** The route filter that asks for conversations without a route. */
	public static final String NO_ROUTE = "none";

	/**
	 * One conversation as the inbox lists it.
	 *
	 * @param lastIntent the intent of the last bot reply, or {@code null} before the first
	 * @param lastConfidence its confidence
	 * @param turns how many turns it has, of every author
	 */
	public record Row(String id, String sessionId, String status, Instant startedAt, Instant lastActiveAt, String lastIntent,
			Double lastConfidence, String route, long turns, String assignee, String email, Instant waitingSince,
			Instant firstResponseAt, Instant closedAt, String closeReason) {
	}

	/** The inbox's views, as a helpdesk employee works through them. */
	public enum View {

		/** Open conversations assigned to the caller. */
		MINE("c.assignee = :me and c.status <> 'CLOSED'", (status, assignee) -> assignee != null && !"CLOSED".equals(status)),
		/** Conversations that need a colleague and have none yet. */
		UNASSIGNED("c.assignee is null and c.status in ('WAITING', 'TAKEN_OVER', 'OFFLINE_MESSAGE')",
				(status, assignee) -> assignee == null && List.of("WAITING", "TAKEN_OVER", "OFFLINE_MESSAGE").contains(status)),
		WAITING("c.status = 'WAITING'", (status, assignee) -> "WAITING".equals(status)),
		/** Visitors who left an e-mail address for an answer. */
		OFFLINE("c.status = 'OFFLINE_MESSAGE'", (status, assignee) -> "OFFLINE_MESSAGE".equals(status)),
		CLOSED("c.status = 'CLOSED'", (status, assignee) -> "CLOSED".equals(status));

		final String condition;

		/** The condition for one conversation, so a change the event stream brings is placed the same way. */
		private final BiPredicate<String, String> holds;

		View(String condition, BiPredicate<String, String> holds) {
			this.condition = condition;
			this.holds = holds;
		}

		/** The id of the view in the API ({@code mine}, {@code unassigned}, …). */
		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * The views a conversation is in; {@code mine} when it is in its assignee's own view, which only that
		 * staff member sees.
		 */
		public static List<String> of(String status, String assignee) {
			return Arrays.stream(values()).filter((v) -> v.holds.test(status, assignee)).map(View::id).toList();
		}

	}

	/**
	 * What to list; {@code null} means any.
	 *
	 * @param route a route id, or {@link #NO_ROUTE}
	 * @param text words to find in visitor texts and replies, or in the e-mail address left, any case
	 */
	public record Filter(String status, String route, String text, int limit, View view, String me) {

		public Filter(String status, String route, String text, int limit) {
			this(status, route, text, limit, null, null);
		}

	}

	private static final String SELECT = """
			select c.id, c.session_id, c.status, c.started_at, c.last_active_at, c.route, c.assignee, c.email,
			       c.waiting_since, c.first_response_at, c.closed_at, c.close_reason,
			       (select count(*) from turn n where n.conversation_id = c.id) as turns,
			       b.intent as last_intent, b.confidence as last_confidence
			from conversation c
			left join turn b on b.id = (select max(l.id) from turn l where l.conversation_id = c.id and l.author = 'BOT')
			""";

	private final JdbcClient jdbc;

	public ConversationQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Conversations that match, the most recently active first. Activity is kept to the millisecond, so
	 * two conversations answered within one millisecond are told apart by their last bot turn.
	 */
	public List<Row> list(Filter filter) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (filter.status() != null) {
			conditions.add("c.status = :status");
			params.put("status", filter.status());
		}
		if (filter.view() != null) {
			conditions.add(filter.view().condition);
			if (filter.view() == View.MINE) {
				params.put("me", filter.me());
			}
		}
		if (NO_ROUTE.equals(filter.route())) {
			conditions.add("c.route is null");
		}
		else if (filter.route() != null) {
			conditions.add("c.route = :route");
			params.put("route", filter.route());
		}
		if (filter.text() != null) {
			conditions.add("""
					(lower(c.email) like :text escape '!'
					 or exists (select 1 from turn t where t.conversation_id = c.id
					            and (lower(t.visitor_text) like :text escape '!' or lower(t.reply) like :text escape '!')))""");
			params.put("text", "%" + likeEscaped(filter.text().toLowerCase(Locale.ROOT)) + "%");
		}
		String where = conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions) + "\n";
		return this.jdbc
			.sql(SELECT + where + "order by c.last_active_at desc, b.id desc nulls last, c.id fetch first " + filter.limit() + " rows only")
			.params(params)
			.query(ConversationQueries::map)
			.list();
	}

	public Optional<Row> find(String id) {
		return this.jdbc.sql(SELECT + "where c.id = :id").param("id", id).query(ConversationQueries::map).optional();
	}

	private static String likeEscaped(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	private static Row map(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getString("id"), rs.getString("session_id"), rs.getString("status"),
				rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("last_active_at").toInstant(),
				rs.getString("last_intent"), rs.getObject("last_confidence", Double.class), rs.getString("route"),
				rs.getLong("turns"), rs.getString("assignee"), rs.getString("email"), instant(rs, "waiting_since"),
				instant(rs, "first_response_at"), instant(rs, "closed_at"), rs.getString("close_reason"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		java.sql.Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
