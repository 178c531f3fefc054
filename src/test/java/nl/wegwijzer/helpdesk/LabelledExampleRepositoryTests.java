package nl.wegwijzer.helpdesk;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import nl.wegwijzer.Postgres;
import nl.wegwijzer.chat.ConversationRepository;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The labelled examples' migration and SQL on both databases Wegwijzer supports. PostgreSQL refuses
 * to run as root; {@code .ci/run} runs the tests as an ordinary user.
 */
class LabelledExampleRepositoryTests {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@Test
	void shouldKeepLabelsOnH2() throws Exception {
		try (HikariDataSource h2 = DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
			.username("sa")
			.build()) {
			assertKeepsLabels(h2);
		}
	}

	@Test
	void shouldKeepLabelsOnPostgres() throws Exception {
		assertKeepsLabels(Postgres.newDataSource());
	}

	private static void assertKeepsLabels(DataSource dataSource) throws Exception {
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		LabelledExampleRepository repository = new LabelledExampleRepository(jdbc);
		ConversationRepository conversations = new ConversationRepository(new NamedParameterJdbcTemplate(dataSource),
				new DataSourceTransactionManager(dataSource), new ObjectMapper());
		LabelledTurns turns = new LabelledTurns(jdbc);
		long question = turns.visitor("tot wanneer loopt ons partnerschap");

		ConversationRepository.TurnSource source = conversations.turnSource(question).orElseThrow();
		assertThat(source.visitorText()).isEqualTo("tot wanneer loopt ons partnerschap");
		assertThat(conversations.turnSource(turns.greeting())).hasValueSatisfying((greeting) ->
				assertThat(greeting.visitorText()).isEmpty());
		assertThat(conversations.turnSource(question + 1000)).isEmpty();

		String conversation = source.conversationId();
		LabelledExample first = repository.insert(question, conversation, "tot wanneer loopt ons partnerschap", "duur",
				NOW, "staff");
		LabelledExample second = repository.insert(question, conversation, "tot wanneer loopt ons partnerschap",
				LabelledExample.NEW_QUESTION, NOW.plusSeconds(1), "bert");
		assertThat(repository.findAll()).containsExactly(second, first);
		assertThat(repository.countWithIntent()).isOne();
		assertThat(repository.forConversation(conversation)).containsExactly(first, second);

		// An example lives as long as its conversation: erasure and retention delete it with it.
		jdbc.sql("delete from conversation").update();
		assertThat(repository.findAll()).isEmpty();
	}

}
