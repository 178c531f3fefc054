package nl.wegwijzer.consent;

import java.io.ByteArrayOutputStream;
import java.io.Reader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.wegwijzer.system.H2Credentials;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code verify-consents} as an operator runs it, on an H2 file the server has left behind. */
class VerifyConsentsCommandTests {

	@TempDir
	Path folder;

	@Test
	void shouldPassAnIntactLogAndNameTheFirstRecordAlteredWithSql() throws Exception {
		String url = "jdbc:h2:file:" + this.folder.resolve("wegwijzer");
		try (HikariDataSource dataSource = dataSource(url)) {
			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
			ConsentRepository consents = new ConsentRepository(JdbcClient.create(dataSource),
					new DataSourceTransactionManager(dataSource));
			for (String id : List.of("first", "second", "third")) {
				consents.insert(new ConsentRecord(id, "session", Instant.parse("2026-11-30T10:00:00Z"), "abc123",
						List.of("necessary"), List.of("analytics"), ConsentRecord.Method.NECESSARY_ONLY, "Mozilla/5.0"));
			}
		}
		Outcome intact = verify(url);
		assertThat(intact.status()).isZero();
		assertThat(intact.output()).startsWith("Consent log intact: 3 records checked");

		// Like the server, the command moved the database to generated credentials, kept next to it.
		Properties credentials = new Properties();
		try (Reader in = Files.newBufferedReader(this.folder.resolve("wegwijzer" + H2Credentials.SUFFIX))) {
			credentials.load(in);
		}
		try (HikariDataSource dataSource = DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(url)
			.username(credentials.getProperty("username"))
			.password(credentials.getProperty("password"))
			.build()) {
			JdbcClient.create(dataSource)
				.sql("update consent_record set given_at = given_at + interval '1' day where id in ('second', 'third')")
				.update();
		}
		Outcome broken = verify(url);
		assertThat(broken.status()).isEqualTo(1);
		assertThat(broken.output()).startsWith("Consent log broken: first broken record second (seq 2): altered")
			.contains("third (seq 3): altered");
	}

	@Test
	void shouldFailWhenItCannotReachTheDatabase() {
		Outcome outcome = verify("jdbc:nosuchdb:nowhere");
		assertThat(outcome.status()).isEqualTo(2);
		assertThat(outcome.output()).startsWith("verify-consents: cannot check the consent log");
	}

	private record Outcome(int status, String output) {
	}

	private static Outcome verify(String url) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int status = VerifyConsentsCommand.run(new String[] { "--spring.datasource.url=" + url },
				new PrintStream(out, true, StandardCharsets.UTF_8));
		return new Outcome(status, out.toString(StandardCharsets.UTF_8));
	}

	private static HikariDataSource dataSource(String url) {
		return DataSourceBuilder.create().type(HikariDataSource.class).url(url).username("sa").build();
	}

}
