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
		JdbcClient jdbc = JdbcClient.create(dataSource());
		this.consents = new ConsentRepository(jdbc);
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
