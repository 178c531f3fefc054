package nl.wegwijzer.chat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The chat's query API for the helpdesk's statistics: aggregates over conversations whose visitor allows analytics ({@code conversation.analytics}, kept
 * equal to the latest consent) and that started in a period. Runs on H2 and PostgreSQL alike.
 *
 * <p>A <em>reply</em> is a bot turn that answers a visitor's message; the greeting and the bot's word
 * after a release are not. A conversation was <em>handed off</em> when the bot ever put it in the
 * HANDOFF state (the visitor asked for a person, or the bot failed twice: status WAITING), when staff
 * ever wrote in it (TAKEN_OVER), or when its status is one of those two now.
 */
@Repository
public class ConversationStatistics {

	public record DayCount(LocalDate day, long count) {
	}

	public record IntentCount(String intent, long count) {
	}

	public record RouteCount(String route, long count) {
	}

	public record ReasonCount(String reason, long count) {
	}

	/**
	 * One request for a person, or an offline message: when it was made, when staff first answered, when
	 * the bot had to say nobody could come, and whether the visitor left an e-mail address.
	 */
	public record Handoff(Instant waitingSince, Instant firstResponseAt, Instant offeredEmailAt, boolean offline) {
	}

	/** Replies in the period and how many of them were fallbacks. */
	/** The visitors' thumbs on bot replies: up and down. */
	public record Ratings(long up, long down) {
	}

	/** A bot reply a visitor rated down: what they asked and what the bot took it for, to relabel. */
	public record LowRated(long turnId, String conversationId, Instant sentAt, String visitorText, String intent) {
	}

	public record Replies(long replies, long fallbacks) {
	}

	private static final String COUNTED = "c.analytics = true and c.started_at >= :from and c.started_at < :to";

	private static final String REPLIES = "t.author = 'BOT' and t.visitor_text is not null";

	private final JdbcClient jdbc;

	public ConversationStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long conversations(Instant from, Instant to) {
		return this.jdbc.sql("select count(*) from conversation c where " + COUNTED)
			.params(period(from, to))
			.query(Long.class)
			.single();
	}

	/** Days (UTC) with at least one conversation, oldest first. */
	public List<DayCount> perDay(Instant from, Instant to) {
		return this.jdbc.sql("""
				select cast(c.started_at at time zone 'UTC' as date) as started_on, count(*) as n
				from conversation c where %s
				group by cast(c.started_at at time zone 'UTC' as date)
				order by started_on""".formatted(COUNTED))
			.params(period(from, to))
			.query((rs, row) -> new DayCount(rs.getObject("started_on", LocalDate.class), rs.getLong("n")))
			.list();
	}

	public List<IntentCount> topIntents(Instant from, Instant to, int limit) {
		return this.jdbc.sql("""
				select t.intent, count(*) as n
				from turn t join conversation c on c.id = t.conversation_id
				where %s and %s and t.intent is not null
				group by t.intent
				order by n desc, t.intent
				fetch first %d rows only""".formatted(COUNTED, REPLIES, limit))
			.params(period(from, to))
			.query((rs, row) -> new IntentCount(rs.getString("intent"), rs.getLong("n")))
			.list();
	}

	public Ratings ratings(Instant from, Instant to) {
		return this.jdbc.sql("""
				select coalesce(sum(case when t.rating = 'up' then 1 else 0 end), 0) as up,
				       coalesce(sum(case when t.rating = 'down' then 1 else 0 end), 0) as down
				from turn t join conversation c on c.id = t.conversation_id
				where %s and t.author = 'BOT' and t.rating is not null""".formatted(COUNTED))
			.params(period(from, to))
			.query((rs, row) -> new Ratings(rs.getLong("up"), rs.getLong("down")))
			.single();
	}

	/** Replies to a visitor's question rated down, newest first. */
	public List<LowRated> lowRated(Instant from, Instant to, int limit) {
		return this.jdbc.sql("""
				select t.id, t.conversation_id, t.sent_at, t.visitor_text, t.intent
				from turn t join conversation c on c.id = t.conversation_id
				where %s and %s and t.rating = 'down'
				order by t.sent_at desc, t.id desc
				fetch first %d rows only""".formatted(COUNTED, REPLIES, limit))
			.params(period(from, to))
			.query((rs, row) -> new LowRated(rs.getLong("id"), rs.getString("conversation_id"),
					rs.getTimestamp("sent_at").toInstant(), rs.getString("visitor_text"), rs.getString("intent")))
			.list();
	}

	public Replies replies(Instant from, Instant to) {
		return this.jdbc.sql("""
				select count(*) as replies, coalesce(sum(case when t.intent = 'fallback' then 1 else 0 end), 0) as fallbacks
				from turn t join conversation c on c.id = t.conversation_id
				where %s and %s""".formatted(COUNTED, REPLIES))
			.params(period(from, to))
			.query((rs, row) -> new Replies(rs.getLong("replies"), rs.getLong("fallbacks")))
			.single();
	}

	public long handedOff(Instant from, Instant to) {
		return this.jdbc.sql("""
				select count(*) from conversation c
				where %s
				  and (c.status in ('WAITING', 'TAKEN_OVER')
				       or exists (select 1 from turn t where t.conversation_id = c.id
				                  and (t.author = 'AGENT' or (t.author = 'BOT' and t.state = 'HANDOFF'))))"""
			.formatted(COUNTED))
			.params(period(from, to))
			.query(Long.class)
			.single();
	}

	public List<RouteCount> routes(Instant from, Instant to) {
		return countedBy("route", COUNTED, from, to, RouteCount::new);
	}

	/** Every request for a person that was not withdrawn, with its first response. */
	public List<Handoff> handoffs(Instant from, Instant to) {
		return this.jdbc
			.sql("""
					select c.waiting_since, c.first_response_at, c.offered_email_at, c.email from conversation c
					where %s and c.waiting_since is not null""".formatted(COUNTED))
			.params(period(from, to))
			.query((rs, row) -> new Handoff(rs.getTimestamp("waiting_since").toInstant(),
					instant(rs.getTimestamp("first_response_at")), instant(rs.getTimestamp("offered_email_at")),
					rs.getString("email") != null))
			.list();
	}

	/** Conversations in which the visitor left an e-mail address for an answer. */
	public long offlineMessages(Instant from, Instant to) {
		return this.jdbc.sql("select count(*) from conversation c where %s and c.email is not null".formatted(COUNTED))
			.params(period(from, to))
			.query(Long.class)
			.single();
	}

	/** Closed conversations by the reason they were closed for, most frequent first. */
	public List<ReasonCount> closes(Instant from, Instant to) {
		return countedBy("close_reason", COUNTED + " and c.status = 'CLOSED'", from, to, ReasonCount::new);
	}

	/** The counted conversations by their value in {@code column}, those without one left out, most frequent first. */
	private <T> List<T> countedBy(String column, String condition, Instant from, Instant to,
			BiFunction<String, Long, T> count) {
		return this.jdbc.sql("""
				select c.%1$s, count(*) as n from conversation c
				where %2$s and c.%1$s is not null
				group by c.%1$s
				order by n desc, c.%1$s""".formatted(column, condition))
			.params(period(from, to))
			.query((rs, row) -> count.apply(rs.getString(column), rs.getLong("n")))
			.list();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Map<String, Object> period(Instant from, Instant to) {
		return Map.of("from", Timestamp.from(from), "to", Timestamp.from(to));
	}

}
