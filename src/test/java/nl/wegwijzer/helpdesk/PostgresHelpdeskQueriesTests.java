package nl.wegwijzer.helpdesk;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;

import nl.wegwijzer.Postgres;

/**
 * The helpdesk's SQL on a real PostgreSQL server, in a database of its own on the tests' shared server
 * ({@link Postgres}); skipped as root.
 */
class PostgresHelpdeskQueriesTests extends HelpdeskQueriesContractTests {

	private static DataSource database;

	@BeforeAll
	static void createDatabase() {
		database = Postgres.newDataSource();
	}

	@Override
	DataSource dataSource() {
		return database;
	}

}
