package nl.wegwijzer.chat;

import java.io.IOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import nl.wegwijzer.Postgres;

import org.springframework.jdbc.core.JdbcTemplate;

/** {@link ConversationLimiterTests} on a real PostgreSQL server; each test migrates a database of its own. */
class PostgresConversationLimiterTests extends ConversationLimiterTests {

	private static EmbeddedPostgres postgres;

	@BeforeAll
	static void start() throws IOException {
		Postgres.assumeNotRoot();
		postgres = EmbeddedPostgres.start();
	}

	@Override
	DataSource dataSource() {
		String name = "limiter_" + Long.toHexString(System.nanoTime());
		new JdbcTemplate(postgres.getPostgresDatabase()).execute("create database " + name);
		return postgres.getDatabase("postgres", name);
	}

	@AfterAll
	static void stop() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}

}
