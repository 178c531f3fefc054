package nl.wegwijzer.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Deleted text is gone from an H2 database file once it is compacted, and the database stays in use. */
class H2CompactionTests {

	@TempDir
	Path folder;

	private HikariDataSource dataSource;

	@AfterEach
	void close() {
		if (this.dataSource != null) {
			this.dataSource.close();
		}
	}

	@Test
	void shouldLeaveNoDeletedTextInTheFile() throws Exception {
		this.dataSource = dataSource("jdbc:h2:file:" + this.folder.resolve("wegwijzer") + ";WRITE_DELAY=0", true);
		Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migration").load().migrate();
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		String secret = "Mijn BSN is " + UUID.randomUUID();
		String id = conversation(jdbc, secret);
		jdbc.sql("delete from conversation where id = :id").param("id", id).update();
		assertThat(fileContains(secret)).as("H2 keeps deleted rows in the file").isTrue();

		assertThat(new H2Compaction(this.dataSource).compact()).isTrue();

		assertThat(fileContains(secret)).isFalse();
		assertThat(jdbc.sql("select count(*) from conversation").query(Long.class).single())
			.as("the pool opens the compacted database again").isZero();
		conversation(jdbc, "na het compacteren");
		assertThat(jdbc.sql("select count(*) from turn").query(Long.class).single()).isOne();
	}

	@Test
	void shouldLeaveOtherDatabasesAndPoolsThatCannotWaitAlone() {
		this.dataSource = dataSource("jdbc:h2:mem:compaction;DB_CLOSE_DELAY=-1", true);
		assertThat(new H2Compaction(this.dataSource).compact()).as("an in-memory database").isFalse();
		this.dataSource.close();
		this.dataSource = dataSource("jdbc:h2:file:" + this.folder.resolve("unsuspendable"), false);
		assertThat(new H2Compaction(this.dataSource).compact()).as("a pool that cannot be suspended").isFalse();
	}

	private boolean fileContains(String text) throws IOException {
		byte[] file = Files.readAllBytes(this.folder.resolve("wegwijzer.mv.db"));
		return new String(file, StandardCharsets.ISO_8859_1)
			.contains(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
	}

	private static String conversation(JdbcClient jdbc, String visitorText) {
		String id = UUID.randomUUID().toString();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into conversation (id, session_id, resume_token_hash, started_at, last_active_at, status, state,
				                          analytics, dialog)
				values (:id, :id, :id, :now, :now, 'BOT', 'OPEN', false, '{}')""")
			.param("id", id)
			.param("now", now)
			.update();
		jdbc.sql("insert into turn (conversation_id, author, visitor_text) values (:id, 'VISITOR', :text)")
			.param("id", id)
			.param("text", visitorText)
			.update();
		return id;
	}

	private static HikariDataSource dataSource(String url, boolean suspendable) {
		HikariDataSource dataSource = DataSourceBuilder.create().type(HikariDataSource.class).url(url).username("sa").build();
		dataSource.setAllowPoolSuspension(suspendable);
		return dataSource;
	}

}
