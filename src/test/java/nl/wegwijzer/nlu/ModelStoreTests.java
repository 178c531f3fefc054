package nl.wegwijzer.nlu;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Trained models kept in the database, so that a start with unchanged intents loads instead of training. */
class ModelStoreTests {

	private static final TextPipeline PIPELINE = new TextPipeline(TextPipeline.Language.NL);

	private HikariDataSource dataSource;

	private JdbcModelStore store;

	@BeforeEach
	void migrate() {
		this.dataSource = DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url("jdbc:h2:mem:models-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")
			.username("sa")
			.build();
		Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migration").load().migrate();
		this.store = new JdbcModelStore(JdbcClient.create(this.dataSource), Clock.systemUTC());
	}

	@AfterEach
	void close() {
		this.dataSource.close();
	}

	@Test
	void shouldStoreTheModelOfTheIntentsAndLoadItAgain() {
		NluSettings settings = NluSettings.bundled();
		IntentService service = new IntentService(settings, this.store);
		List<LabelledText> examples = service.corpus().examples();

		OpenNlpIntentClassifier loaded = service.stored(examples).orElseThrow();
		String question = "hoe lang mag een project duren";
		assertThat(loaded.rank(question)).isEqualTo(service.train(examples).rank(question));
		assertThat(this.store.claim(OpenNlpIntentClassifier.key(examples, PIPELINE, settings))).isFalse();
	}

	@Test
	void shouldKeyAModelByItsExamplesAndSettings() {
		NluSettings settings = NluSettings.bundled();
		List<LabelledText> examples = IntentCorpus.load(IntentCorpus.BUNDLED).examples();
		List<LabelledText> more = new ArrayList<>(examples);
		more.add(new LabelledText("duur", "welke periode beslaat ons consortium"));
		NluSettings longer = new NluSettings(settings.minConfidence(), settings.minMargin(),
				settings.minPairConfidence(), settings.minLead(), settings.iterations() + 1, settings.cutoff(), settings.cacheSize(),
				settings.intents());

		String key = OpenNlpIntentClassifier.key(examples, PIPELINE, settings);
		assertThat(OpenNlpIntentClassifier.key(List.copyOf(examples), PIPELINE, settings)).isEqualTo(key);
		assertThat(OpenNlpIntentClassifier.key(more, PIPELINE, settings)).isNotEqualTo(key);
		assertThat(OpenNlpIntentClassifier.key(examples, PIPELINE, longer)).isNotEqualTo(key);
		// Thresholds decide on the model's output; they do not change the model.
		assertThat(OpenNlpIntentClassifier.key(examples, PIPELINE, settings.with(new Thresholds(0.9, 0.9, 0.9, 0))))
			.isEqualTo(key);
	}

	@Test
	void shouldLetOneInstanceClaimATrainingAndGiveItUpWhenItFails() {
		assertThat(this.store.claim("k")).isTrue();
		assertThat(this.store.claim("k")).isFalse();
		assertThat(this.store.find("k")).isEmpty();
		this.store.release("k");
		assertThat(this.store.claim("k")).isTrue();
		this.store.save("k", new byte[] { 1, 2, 3 });
		this.store.release("k");
		assertThat(this.store.find("k")).hasValueSatisfying((model) -> assertThat(model).containsExactly(1, 2, 3));
	}

	@Test
	void shouldKeepOnlyTheNewestModels() {
		for (int i = 0; i < 7; i++) {
			JdbcModelStore at = new JdbcModelStore(JdbcClient.create(this.dataSource),
					Clock.offset(Clock.systemUTC(), Duration.ofMinutes(i)));
			at.claim("k" + i);
			at.save("k" + i, new byte[] { (byte) i });
		}
		assertThat(this.store.find("k0")).isEmpty();
		assertThat(this.store.find("k1")).isEmpty();
		assertThat(this.store.find("k2")).isPresent();
		assertThat(this.store.find("k6")).isPresent();
	}

}
