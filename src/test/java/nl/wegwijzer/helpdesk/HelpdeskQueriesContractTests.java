package nl.wegwijzer.helpdesk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import nl.wegwijzer.chat.ConversationQueries;
import nl.wegwijzer.chat.ConversationRepository;
import nl.wegwijzer.chat.ConversationStatistics;
import nl.wegwijzer.consent.ConsentRecord;
import nl.wegwijzer.consent.ConsentRepository;
import nl.wegwijzer.system.H2Compaction;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The helpdesk's own SQL — inbox, statistics, retention — run against each database Wegwijzer supports,
 * on the real migrations. Each test works in its own period or on its own rows, so they share a database.
 */
abstract class HelpdeskQueriesContractTests {

	private static final Instant NOW = Instant.parse("2030-06-15T12:00:00Z");

	private JdbcClient jdbc;

	private Rows rows;

	abstract DataSource dataSource();

	@BeforeEach
	void migrate() {
		Flyway.configure().dataSource(dataSource()).locations("classpath:db/migration").load().migrate();
		this.jdbc = JdbcClient.create(dataSource());
		this.rows = new Rows(this.jdbc);
	}

	@Test
	void shouldListTheInboxNewestFirstWithTheLastBotReply() {
		String marker = UUID.randomUUID().toString().substring(0, 8);
		Instant start = Instant.parse("2024-01-10T10:00:00Z");
		String older = this.rows.conversation(start, start.plusSeconds(60), "BOT", "jeugd", true);
		this.rows.reply(older, "Hoe lang duurt het " + marker, "duur", 0.91, "OPEN", start.plusSeconds(30));
		String newer = this.rows.conversation(start, start.plusSeconds(120), "TAKEN_OVER", null, false);
		this.rows.reply(newer, "Iets onduidelijks", "fallback", 0.2, "OPEN", start.plusSeconds(40));
		this.rows.turn(newer, "AGENT", null, "Ik help je verder", "Anna", null, null, "OPEN", start.plusSeconds(50));
		this.rows.turn(newer, "VISITOR", "Dank je, " + marker.toUpperCase(), null, null, null, null, "OPEN",
				start.plusSeconds(60));

		ConversationQueries inbox = new ConversationQueries(this.jdbc);
		List<ConversationQueries.Row> found = inbox.list(new ConversationQueries.Filter(null, null, marker, 10));
		assertThat(found).extracting(ConversationQueries.Row::id).containsExactly(newer, older);
		ConversationQueries.Row taken = found.get(0);
		assertThat(taken.status()).isEqualTo("TAKEN_OVER");
		assertThat(taken.lastIntent()).isEqualTo("fallback");
		assertThat(taken.lastConfidence()).isEqualTo(0.2);
		assertThat(taken.turns()).isEqualTo(3);
		assertThat(taken.route()).isNull();
		assertThat(found.get(1).route()).isEqualTo("jeugd");

		assertThat(inbox.list(new ConversationQueries.Filter("BOT", null, marker, 10))).extracting(ConversationQueries.Row::id)
			.containsExactly(older);
		assertThat(inbox.list(new ConversationQueries.Filter(null, "jeugd", marker, 10))).extracting(ConversationQueries.Row::id)
			.containsExactly(older);
		assertThat(inbox.list(new ConversationQueries.Filter(null, ConversationQueries.NO_ROUTE, marker, 10)))
			.extracting(ConversationQueries.Row::id)
			.containsExactly(newer);
		assertThat(inbox.list(new ConversationQueries.Filter(null, null, "DANK JE, " + marker, 10)))
			.extracting(ConversationQueries.Row::id)
			.containsExactly(newer);
		assertThat(inbox.list(new ConversationQueries.Filter(null, null, marker, 1))).hasSize(1);
		assertThat(inbox.find(older)).hasValueSatisfying((row) -> assertThat(row.lastIntent()).isEqualTo("duur"));
		assertThat(inbox.find("no-such-id")).isEmpty();
	}

	@Test
	void shouldTakeLikeWildcardsInTheSearchLiterally() {
		Instant at = Instant.parse("2024-02-01T10:00:00Z");
		String id = this.rows.conversation(at, true);
		this.rows.reply(id, "korting van 100% op de_kosten!", "buiten_scope", 0.5, "OPEN", at);
		ConversationQueries inbox = new ConversationQueries(this.jdbc);
		assertThat(inbox.list(new ConversationQueries.Filter(null, null, "100% op de_k", 2000)))
			.extracting(ConversationQueries.Row::id)
			.containsExactly(id);
		assertThat(inbox.list(new ConversationQueries.Filter(null, null, "%", 2000))).extracting(ConversationQueries.Row::id)
			.containsExactly(id);
		assertThat(inbox.list(new ConversationQueries.Filter(null, null, "de!k", 2000))).isEmpty();
	}

	@Test
	void shouldCountOnlyAnalyticsConversationsInStatistics() {
		Instant day1 = Instant.parse("2025-03-10T08:00:00Z");
		Instant lateDay1 = Instant.parse("2025-03-10T23:59:59Z");
		Instant day2 = Instant.parse("2025-03-11T00:00:00Z");
		String a = this.rows.conversation(day1, day1, "BOT", "jeugd", true);
		this.rows.turn(a, "BOT", null, "Hallo!", null, "groet", 1.0, "OPEN", day1);
		this.rows.reply(a, "hoe lang", "duur", 0.9, "OPEN", day1);
		this.rows.reply(a, "en hoe lang precies", "duur", 0.8, "OPEN", day1);
		this.rows.reply(a, "hoofdstad van Peru", "fallback", 0.3, "OPEN", day1);
		String b = this.rows.conversation(lateDay1, lateDay1, "BOT", "jeugd", true);
		this.rows.reply(b, "ik wil een mens", "medewerker", 0.95, "HANDOFF", lateDay1);
		String c = this.rows.conversation(day2, day2, "BOT", "mbo", true);
		this.rows.reply(c, "welke landen", "landen", 0.9, "OPEN", day2);
		this.rows.turn(c, "AGENT", null, "Ik help je", "Anna", null, null, "OPEN", day2);
		// Without analytics: never counted, however much it says.
		String hidden = this.rows.conversation(day2, day2, "WAITING", "mbo", false);
		for (int i = 0; i < 5; i++) {
			this.rows.reply(hidden, "welke partners " + i, "aantal_partners", 0.9, "HANDOFF", day2);
		}
		// Outside the period.
		this.rows.conversation(Instant.parse("2025-03-12T00:00:00Z"), true);

		ConversationStatistics statistics = new ConversationStatistics(this.jdbc);
		Instant from = Instant.parse("2025-03-10T00:00:00Z");
		Instant to = Instant.parse("2025-03-12T00:00:00Z");
		assertThat(statistics.conversations(from, to)).isEqualTo(3);
		assertThat(statistics.perDay(from, to)).containsExactly(
				new ConversationStatistics.DayCount(LocalDate.parse("2025-03-10"), 2),
				new ConversationStatistics.DayCount(LocalDate.parse("2025-03-11"), 1));
		assertThat(statistics.topIntents(from, to, 10)).containsExactly(new ConversationStatistics.IntentCount("duur", 2),
				new ConversationStatistics.IntentCount("fallback", 1), new ConversationStatistics.IntentCount("landen", 1),
				new ConversationStatistics.IntentCount("medewerker", 1));
		assertThat(statistics.topIntents(from, to, 1)).hasSize(1);
		assertThat(statistics.replies(from, to)).isEqualTo(new ConversationStatistics.Replies(5, 1));
		assertThat(statistics.handedOff(from, to)).as("b asked for a person, staff wrote in c").isEqualTo(2);
		assertThat(statistics.routes(from, to)).containsExactly(new ConversationStatistics.RouteCount("jeugd", 2),
				new ConversationStatistics.RouteCount("mbo", 1));
	}

	@Test
	void shouldReportAnEmptyPeriodAsZeros() {
		ConversationStatistics statistics = new ConversationStatistics(this.jdbc);
		Instant from = Instant.parse("2019-01-01T00:00:00Z");
		Instant to = Instant.parse("2019-01-02T00:00:00Z");
		assertThat(statistics.conversations(from, to)).isZero();
		assertThat(statistics.perDay(from, to)).isEmpty();
		assertThat(statistics.replies(from, to)).isEqualTo(new ConversationStatistics.Replies(0, 0));
		assertThat(statistics.handedOff(from, to)).isZero();
	}

	@Test
	void shouldDeleteOnlyWhatIsPastItsRetention() {
		Instant oldActivity = NOW.minus(Duration.ofDays(91));
		String old = this.rows.conversation(oldActivity.minus(Duration.ofDays(1)), oldActivity, "CLOSED", null, true);
		this.rows.reply(old, "oude vraag", "duur", 0.9, "OPEN", oldActivity);
		Instant recentActivity = NOW.minus(Duration.ofDays(89));
		// Started long ago, but active recently: kept.
		String recent = this.rows.conversation(NOW.minus(Duration.ofDays(400)), recentActivity, "BOT", null, true);
		this.rows.reply(recent, "recente vraag", "duur", 0.9, "OPEN", recentActivity);
		DataSource dataSource = dataSource();
		ConsentRepository consents = new ConsentRepository(JdbcClient.create(dataSource),
				new DataSourceTransactionManager(dataSource));
		String oldConsent = consent(consents, NOW.minus(Duration.ofDays(1826)));
		String keptConsent = consent(consents, NOW.minus(Duration.ofDays(1824)));

		// A labelled example lives as long as the conversation its text came from.
		long oldTurn = this.jdbc.sql("select id from turn where conversation_id = :id").param("id", old).query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into labelled_example (turn_id, conversation_id, text, intent, created_at, created_by)
				values (:turn, :conversation, 'oude vraag', 'duur', :at, 'Anna')""")
			.param("turn", oldTurn)
			.param("conversation", old)
			.param("at", Timestamp.from(NOW))
			.update();

		StaffAudit audit = new StaffAudit(this.jdbc, Clock.fixed(NOW.minus(Duration.ofDays(4000)), ZoneOffset.UTC));
		audit.record("anna", StaffAudit.Action.VIEW, old);

		ConversationRepository conversations = new ConversationRepository(new NamedParameterJdbcTemplate(dataSource),
				new DataSourceTransactionManager(dataSource), new ObjectMapper());
		RetentionJob job = new RetentionJob(conversations, consents, new RetentionSettings("-", 90, 1825),
				Clock.fixed(NOW, ZoneOffset.UTC), new H2Compaction(dataSource));
		RetentionJob.Deleted deleted = job.run();

		assertThat(deleted.conversations()).isGreaterThanOrEqualTo(1);
		assertThat(deleted.consentRecords()).isGreaterThanOrEqualTo(1);
		assertThat(exists("conversation", old)).isFalse();
		assertThat(turns(old)).as("turns go with their conversation").isZero();
		assertThat(exists("conversation", recent)).isTrue();
		assertThat(turns(recent)).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from labelled_example where text = 'oude vraag'").query(Long.class)
			.single()).as("labelled examples go with their conversation").isZero();
		assertThat(exists("consent_record", oldConsent)).isFalse();
		assertThat(exists("consent_record", keptConsent)).isTrue();
		assertThat(audit.latest(old, 10)).as("the staff audit outlives the conversation it names")
			.extracting(StaffAudit.Entry::action)
			.containsExactly("view");
		assertThat(job.run()).as("a second run finds nothing more").isEqualTo(new RetentionJob.Deleted(0, 0));
		assertThat(consents.verify().breaks()).as("the chain still checks without the deleted records").isEmpty();
	}

	@Test
	void shouldKeepTheStaffAuditNewestFirstPerConversation() {
		String conversation = UUID.randomUUID().toString();
		Instant at = Instant.parse("2031-03-01T10:00:00.123Z");
		new StaffAudit(this.jdbc, Clock.fixed(at, ZoneOffset.UTC)).record("anna", StaffAudit.Action.VIEW, conversation);
		StaffAudit later = new StaffAudit(this.jdbc, Clock.fixed(at.plusSeconds(5), ZoneOffset.UTC));
		later.record("bert", StaffAudit.Action.CLOSE, conversation, "answered");
		later.record("bert", StaffAudit.Action.REOPEN, conversation);
		later.record("anna", StaffAudit.Action.RETRAIN, null, "x".repeat(600));

		List<StaffAudit.Entry> entries = later.latest(conversation, 10);
		assertThat(entries).extracting(StaffAudit.Entry::action).containsExactly("reopen", "close", "view");
		assertThat(entries.get(1)).extracting(StaffAudit.Entry::actor, StaffAudit.Entry::conversationId,
				StaffAudit.Entry::detail, StaffAudit.Entry::at)
			.containsExactly("bert", conversation, "answered", at.plusSeconds(5));
		assertThat(entries.get(2).at()).isEqualTo(at);
		assertThat(later.latest(conversation, 1)).extracting(StaffAudit.Entry::action).containsExactly("reopen");
		StaffAudit.Entry retrain = later.latest(null, 1).get(0);
		assertThat(retrain.action()).isEqualTo("retrain");
		assertThat(retrain.conversationId()).isNull();
		assertThat(retrain.detail()).hasSize(StaffAudit.MAX_DETAIL_CHARS);
	}

	private String consent(ConsentRepository consents, Instant givenAt) {
		String id = UUID.randomUUID().toString();
		consents.insert(new ConsentRecord(id, UUID.randomUUID().toString(), givenAt, "v1", List.of("necessary"),
				List.of("analytics", "social"), ConsentRecord.Method.NECESSARY_ONLY, "test"));
		return id;
	}

	private boolean exists(String table, String id) {
		return this.jdbc.sql("select count(*) from " + table + " where id = :id").param("id", id).query(Long.class)
			.single() > 0;
	}

	private long turns(String conversationId) {
		return this.jdbc.sql("select count(*) from turn where conversation_id = :id")
			.param("id", conversationId)
			.query(Long.class)
			.single();
	}

}
