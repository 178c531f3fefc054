package nl.wegwijzer.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import nl.wegwijzer.consent.ConsentChain;
import nl.wegwijzer.consent.ConsentRecord;
import nl.wegwijzer.consent.ConsentRepository;
import nl.wegwijzer.dialog.DialogContext;
import nl.wegwijzer.dialog.DialogState;
import nl.wegwijzer.nlu.JdbcModelStore;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storage contract, run against each database Wegwijzer supports: the same migrations, the same
 * repositories, and nothing lost when the database restarts.
 */
abstract class StorageContractTests {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private ConsentRepository consents;

	private ConversationRepository conversations;

	/** A data source on the database under test. */
	abstract DataSource dataSource();

	/** Stops the database (not gracefully where the database allows) and starts it again on the same files. */
	abstract void restart() throws Exception;

	@BeforeEach
	void migrate() {
		Flyway.configure().dataSource(dataSource()).locations("classpath:db/migration").load().migrate();
		connect();
	}

	private void connect() {
		// One data source for both: the transaction must hold the connection the queries use.
		DataSource dataSource = dataSource();
		this.consents = new ConsentRepository(JdbcClient.create(dataSource), new DataSourceTransactionManager(dataSource));
		this.conversations = new ConversationRepository(new NamedParameterJdbcTemplate(dataSource()),
				new DataSourceTransactionManager(dataSource()),
				new ObjectMapper());
	}

	@Test
	void shouldKeepATrainedModelOverARestart() throws Exception {
		String key = "model-" + System.nanoTime();
		byte[] model = new byte[300_000];
		new Random(42).nextBytes(model);
		JdbcModelStore store = new JdbcModelStore(JdbcClient.create(dataSource()), Clock.systemUTC());
		assertThat(store.claim(key)).isTrue();
		assertThat(store.claim(key)).isFalse();
		store.save(key, model);

		restart();

		assertThat(new JdbcModelStore(JdbcClient.create(dataSource()), Clock.systemUTC()).find(key))
			.hasValueSatisfying((stored) -> assertThat(stored).isEqualTo(model));
	}

	@Test
	void shouldKeepConsentRecordsAppendOnly() {
		String session = "s-" + System.nanoTime();
		ConsentRecord first = consent(session, NOW, List.of("necessary", "analytics"), List.of("social"));
		ConsentRecord second = consent(session, NOW.plusSeconds(5), List.of("necessary"), List.of("analytics", "social"));
		this.consents.insert(first);
		this.consents.insert(second);

		assertThat(this.consents.latest(session)).contains(second);
		assertThat(this.consents.between(NOW.minusSeconds(1), NOW.plusSeconds(60)))
			.filteredOn((r) -> r.sessionId().equals(session))
			.containsExactly(first, second);
	}

	@Test
	void shouldChainConcurrentConsents() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> appends = new ArrayList<>();
			for (int i = 0; i < 80; i++) {
				String session = "c-" + i + "-" + System.nanoTime();
				appends.add(pool.submit(() -> this.consents
					.insert(consent(session, NOW, List.of("necessary"), List.of("analytics", "social")))));
			}
			for (Future<?> append : appends) {
				append.get();
			}
		}
		finally {
			pool.shutdown();
		}
		ConsentChain.Report report = this.consents.verify();
		assertThat(report.breaks()).isEmpty();
		assertThat(report.checked()).isGreaterThanOrEqualTo(80);
	}

	@Test
	void shouldReportAConsentAlteredWithSql() {
		String session = "t-" + System.nanoTime();
		ConsentRecord before = consent(session, NOW, List.of("necessary"), List.of("analytics", "social"));
		ConsentRecord altered = consent(session, NOW.plusSeconds(1), List.of("necessary"), List.of("analytics", "social"));
		this.consents.insert(before);
		this.consents.insert(altered);
		this.consents.insert(consent(session, NOW.plusSeconds(2), List.of("necessary"), List.of("analytics", "social")));
		JdbcClient jdbc = JdbcClient.create(dataSource());
		jdbc.sql("update consent_record set granted = 'necessary,analytics', refused = 'social' where id = :id")
			.param("id", altered.id())
			.update();
		try {
			assertThat(this.consents.verify().breaks())
				.containsExactly(new ConsentChain.Break(seq(altered), altered.id(), ConsentChain.Problem.ALTERED));

			jdbc.sql("delete from consent_record where id = :id").param("id", before.id()).update();
			assertThat(this.consents.verify().breaks()).extracting(ConsentChain.Break::problem)
				.containsExactly(ConsentChain.Problem.MISSING_BEFORE, ConsentChain.Problem.ALTERED);
		}
		finally {
			jdbc.sql("delete from consent_record where session_id = :session").param("session", session).update();
			jdbc.sql("update consent_chain set seq = (select max(seq) from consent_record), "
					+ "hash = (select hash from consent_record where seq = (select max(seq) from consent_record))")
				.update();
		}
	}

	@Test
	void shouldChainTheConsentsAlreadyThereWhenMigrating() {
		String name = "v5_" + System.nanoTime();
		// Quoted: Flyway creates the schema with its name as written, on both databases.
		String schema = '"' + name + '"';
		Flyway.configure().dataSource(dataSource()).schemas(name).locations("classpath:db/migration").target("5").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource());
		for (int i = 0; i < 3; i++) {
			jdbc.sql("insert into " + schema + ".consent_record (id, session_id, given_at, policy_version, granted, refused, method, user_agent) "
					+ "values (:id, 's', :at, 'abc123', 'necessary', 'analytics', 'NECESSARY_ONLY', null)")
				.param("id", "old-" + i)
				.param("at", java.sql.Timestamp.from(NOW.minusSeconds(10 - i)))
				.update();
		}
		Flyway.configure().dataSource(dataSource()).schemas(name).locations("classpath:db/migration").load().migrate();
		List<Long> seqs = jdbc.sql("select seq from " + schema + ".consent_record order by given_at").query(Long.class).list();
		assertThat(seqs).containsExactly(1L, 2L, 3L);
		String head = jdbc.sql("select hash from " + schema + ".consent_chain").query(String.class).single();
		String last = jdbc.sql("select hash from " + schema + ".consent_record where id = 'old-2'").query(String.class).single();
		assertThat(head).isEqualTo(last);
		ConsentRecord first = new ConsentRecord("old-0", "s", NOW.minusSeconds(10), "abc123", List.of("necessary"),
				List.of("analytics"), ConsentRecord.Method.NECESSARY_ONLY, null);
		assertThat(jdbc.sql("select hash from " + schema + ".consent_record where id = 'old-0'").query(String.class).single())
			.isEqualTo(ConsentChain.hash(ConsentChain.GENESIS, first));
	}

	@Test
	void shouldChainAgainSoUserAgentsCanBeErasedAndKeepBreaksFoundBefore() throws Exception {
		String name = "v7_" + System.nanoTime();
		String schema = '"' + name + '"';
		Flyway.configure().dataSource(dataSource()).schemas(name).locations("classpath:db/migration").target("7").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource());
		List<ConsentRecord> records = new ArrayList<>();
		String previous = ConsentChain.GENESIS;
		for (int i = 0; i < 3; i++) {
			ConsentRecord record = new ConsentRecord("old-" + i, "session-" + i, NOW.plusSeconds(i), "abc123",
					List.of("necessary"), List.of("analytics"), ConsentRecord.Method.NECESSARY_ONLY, "Mozilla/5.0 (" + i + ")");
			String hash = ConsentChain.hashWithUserAgent(previous, record);
			jdbc.sql("insert into " + schema + ".consent_record (id, session_id, given_at, policy_version, granted, refused, "
					+ "method, user_agent, seq, prev_hash, hash) values (:id, :session, :at, 'abc123', 'necessary', "
					+ "'analytics', 'NECESSARY_ONLY', :agent, :seq, :prev, :hash)")
				.param("id", record.id())
				.param("session", record.sessionId())
				.param("at", java.sql.Timestamp.from(record.givenAt()))
				.param("agent", record.userAgent())
				.param("seq", i + 1)
				.param("prev", previous)
				.param("hash", hash)
				.update();
			records.add(record);
			previous = hash;
		}
		jdbc.sql("update " + schema + ".consent_chain set seq = 3, hash = :hash").param("hash", previous).update();
		jdbc.sql("update " + schema + ".consent_record set granted = 'necessary,analytics' where id = 'old-1'").update();

		Flyway.configure().dataSource(dataSource()).schemas(name).locations("classpath:db/migration").load().migrate();

		try (java.sql.Connection connection = dataSource().getConnection()) {
			connection.setSchema(name);
			DataSource inSchema = new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true);
			ConsentRepository migrated = new ConsentRepository(JdbcClient.create(inSchema),
					new DataSourceTransactionManager(inSchema));
			assertThat(migrated.verify().breaks()).as("the record altered before the migration stays reported")
				.containsExactly(new ConsentChain.Break(2, "old-1", ConsentChain.Problem.ALTERED));

			assertThat(migrated.eraseUserAgents("session-2")).isOne();

			assertThat(migrated.forSession("session-2")).extracting(ConsentRecord::userAgent).containsOnlyNulls();
			assertThat(migrated.verify().breaks()).extracting(ConsentChain.Break::id).containsExactly("old-1");
			assertThat(JdbcClient.create(inSchema).sql("select user_agent_hash from consent_record where id = 'old-2'")
				.query(String.class).single()).isEqualTo(ConsentChain.userAgentHash("Mozilla/5.0 (2)"));
		}
	}

	private long seq(ConsentRecord record) {
		return JdbcClient.create(dataSource()).sql("select seq from consent_record where id = :id")
			.param("id", record.id())
			.query(Long.class)
			.single();
	}

	@Test
	void shouldStoreConversationsWithTheirTurns() {
		Conversation conversation = conversation("c-" + System.nanoTime());
		this.conversations.insert(conversation, "hash-" + conversation.id());
		Conversation answered = conversation.with(Conversation.Status.WAITING,
				new DialogContext(DialogState.ASK_IMPACT, "waar_aanvragen", List.of(), 0, 0, "mbo", null),
				NOW.plusSeconds(2));
		this.conversations.save(answered, new Turn(0, Turn.Author.BOT, "Waar vraag ik aan?", "Waar ligt de impact?",
				null, "waar_aanvragen", 0.91, "ASK_IMPACT", NOW.plusSeconds(1), NOW.plusSeconds(2),
				List.of("Binnen het onderwijs", "Buitenschools, niet-formeel leren (Jeugd)")));

		assertThat(this.conversations.find(conversation.id())).contains(answered);
		assertThat(this.conversations.findByResumeTokenHash("hash-" + conversation.id())).contains(answered);
		assertThat(this.conversations.turns(conversation.id())).singleElement().satisfies((turn) -> {
			assertThat(turn.visitorText()).isEqualTo("Waar vraag ik aan?");
			assertThat(turn.confidence()).isEqualTo(0.91);
			assertThat(turn.receivedAt()).isEqualTo(NOW.plusSeconds(1));
			assertThat(turn.quickReplies()).containsExactly("Binnen het onderwijs",
					"Buitenschools, niet-formeel leren (Jeugd)");
		});
	}

	@Test
	void shouldStoreHowTheHelpdeskHandlesAConversation() {
		Conversation conversation = conversation("h-" + System.nanoTime());
		this.conversations.insert(conversation, "hash-" + conversation.id());
		Instant asked = NOW.plusSeconds(600_000);
		Conversation.Handling handling = new Conversation.Handling("anna", "sanne@example.nl", asked,
				asked.plusSeconds(90), asked.plusSeconds(30), asked.plusSeconds(120), "answered");
		Conversation closed = conversation.with(Conversation.Status.CLOSED, conversation.dialog(), asked.plusSeconds(120))
			.with(handling);
		this.conversations.save(closed, new Turn(0, Turn.Author.NOTE, null, "Teruggebeld", "Anna", null, null, "OPEN",
				null, asked.plusSeconds(100), List.of()));

		assertThat(this.conversations.find(conversation.id())).contains(closed);
		assertThat(this.conversations.turns(conversation.id())).singleElement()
			.satisfies((turn) -> assertThat(turn.author()).isEqualTo(Turn.Author.NOTE));
		// An offline message is answered by e-mail: no measure of the wait in the chat.
		assertThat(this.conversations.recentFirstResponses(asked, asked.plusSeconds(90), 5)).isEmpty();
		this.conversations.update(closed.with(handling.withEmail(null)));
		assertThat(this.conversations.recentFirstResponses(asked, asked.plusSeconds(90), 5))
			.containsExactly(java.time.Duration.ofSeconds(90));
		assertThat(this.conversations.recentFirstResponses(asked, asked.plusSeconds(89), 5)).isEmpty();
	}

	@Test
	void shouldCountTheVisitorsWaitingBeforeANewOne() {
		Instant base = NOW.plusSeconds(900_000);
		int before = this.conversations.waitingBefore(base.plusSeconds(10));
		for (int i = 0; i < 3; i++) {
			Conversation conversation = conversation("w-" + i + "-" + System.nanoTime());
			this.conversations.insert(conversation, "hash-" + conversation.id());
			this.conversations.update(conversation.with(i == 2 ? Conversation.Status.BOT : Conversation.Status.WAITING,
					conversation.dialog(), base).with(Conversation.Handling.NONE.waitingFrom(base.plusSeconds(i))));
		}
		assertThat(this.conversations.waitingBefore(base.plusSeconds(10))).isEqualTo(before + 2);
		assertThat(this.conversations.waitingBefore(base.plusSeconds(1))).isEqualTo(before + 1);
		assertThat(this.conversations.idsWithStatus(Conversation.Status.WAITING)).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void shouldListTheLongestWaitingFirstAndThoseWithoutAWaitLast() {
		Instant base = NOW.plusSeconds(950_000);
		Conversation undated = conversation("u-" + System.nanoTime());
		Conversation dated = conversation("d-" + System.nanoTime());
		this.conversations.insert(undated, "hash-" + undated.id());
		this.conversations.insert(dated, "hash-" + dated.id());
		this.conversations.update(undated.with(Conversation.Status.WAITING, undated.dialog(), base));
		this.conversations.update(dated.with(Conversation.Status.WAITING, dated.dialog(), base)
			.with(Conversation.Handling.NONE.waitingFrom(base)));

		List<String> ids = this.conversations.idsWithStatus(Conversation.Status.WAITING);
		assertThat(ids.indexOf(dated.id())).isNotNegative().isLessThan(ids.indexOf(undated.id()));
	}

	@Test
	void shouldStoreConcurrentSavesInOrderAndFailOnlyTheBadOnes() throws Exception {
		int writers = 8;
		int turns = 40;
		List<Conversation> conversations = new ArrayList<>();
		for (int i = 0; i < writers; i++) {
			Conversation conversation = conversation("g" + i + "-" + System.nanoTime());
			this.conversations.insert(conversation, "hash-" + conversation.id());
			conversations.add(conversation);
		}
		// Its turns break the foreign key: each save fails, whichever batch it shares.
		Conversation missing = conversation("missing-" + System.nanoTime());
		ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
		try {
			List<Future<?>> saved = new ArrayList<>();
			for (Conversation conversation : conversations) {
				saved.add(pool.submit(() -> {
					for (int i = 0; i < turns; i++) {
						this.conversations.save(conversation, bot(String.valueOf(i)));
					}
				}));
			}
			Future<Integer> refused = pool.submit(() -> {
				int failures = 0;
				for (int i = 0; i < turns; i++) {
					try {
						this.conversations.save(missing, bot("lost"));
					}
					catch (DataAccessException ex) {
						failures++;
					}
				}
				return failures;
			});
			for (Future<?> writer : saved) {
				writer.get();
			}
			assertThat(refused.get()).isEqualTo(turns);
		}
		finally {
			pool.shutdownNow();
		}

		List<String> expected = new ArrayList<>();
		for (int i = 0; i < turns; i++) {
			expected.add(String.valueOf(i));
		}
		for (Conversation conversation : conversations) {
			assertThat(this.conversations.turns(conversation.id())).extracting(Turn::reply)
				.containsExactlyElementsOf(expected);
		}
		assertThat(this.conversations.turns(missing.id())).isEmpty();
	}

	@Test
	void shouldLoseNothingWhenTheDatabaseRestarts() throws Exception {
		String session = "r-" + System.nanoTime();
		ConsentRecord consent = consent(session, NOW, List.of("necessary"), List.of("analytics", "social"));
		this.consents.insert(consent);
		Conversation conversation = conversation("r-" + System.nanoTime());
		this.conversations.insert(conversation, "hash-" + conversation.id());
		this.conversations.save(conversation, new Turn(0, Turn.Author.BOT, null, "Hallo!", null, "groet", 1.0, "OPEN",
				null, NOW, List.of()));

		restart();
		connect();

		assertThat(this.consents.latest(session)).contains(consent);
		assertThat(this.conversations.find(conversation.id())).contains(conversation);
		assertThat(this.conversations.turns(conversation.id())).extracting(Turn::reply).containsExactly("Hallo!");
	}

	private static ConsentRecord consent(String session, Instant at, List<String> granted, List<String> refused) {
		return new ConsentRecord("id-" + System.nanoTime(), session, at, "abc123", granted, refused,
				ConsentRecord.Method.CUSTOM, "Mozilla/5.0");
	}

	private static Turn bot(String reply) {
		return new Turn(0, Turn.Author.BOT, null, reply, null, "groet", 1.0, "OPEN", null, NOW, List.of());
	}

	private static Conversation conversation(String id) {
		return new Conversation(id, "session-" + id, NOW, NOW, Conversation.Status.BOT, true,
				new DialogContext(DialogState.OPEN, null, List.of(), 0, 0, null, null), null);
	}

}
