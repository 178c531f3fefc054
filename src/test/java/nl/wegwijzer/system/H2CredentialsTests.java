package nl.wegwijzer.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Generated H2 credentials, owner-only files, and the upgrade of a database made as {@code sa}. */
class H2CredentialsTests {

	@TempDir
	Path folder;

	private final H2Credentials h2 = new H2Credentials((log) -> log.get());

	@Test
	void shouldGenerateCredentialsOnceAndCloseTheFilesToOthers() throws Exception {
		String url = url();
		Properties first = this.h2.prepare(url);
		assertThat(first.getProperty("username")).isEqualTo("wegwijzer");
		assertThat(first.getProperty("password")).hasSizeGreaterThanOrEqualTo(32);
		assertThat(this.h2.prepare(url)).as("kept, not generated again").isEqualTo(first);

		Path data = this.folder.resolve("data");
		assertThat(permissions(data)).isEqualTo("rwx------");
		assertThat(permissions(data.resolve("wegwijzer.credentials"))).isEqualTo("rw-------");
		assertThat(permissions(data.resolve("wegwijzer.mv.db"))).isEqualTo("rw-------");
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> DriverManager.getConnection(url, "sa", ""));
		DriverManager.getConnection(url, first.getProperty("username"), first.getProperty("password")).close();
	}

	@Test
	void shouldUpgradeADatabaseCreatedAsSaWithAnEmptyPasswordAndKeepItsData() throws Exception {
		String url = url();
		Files.createDirectories(this.folder.resolve("data"));
		try (Connection sa = DriverManager.getConnection(url, "sa", ""); Statement statement = sa.createStatement()) {
			statement.execute("create table kept (id int)");
			statement.execute("insert into kept values (42)");
		}
		Properties credentials = this.h2.prepare(url);

		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> DriverManager.getConnection(url, "sa", ""));
		try (Connection upgraded = DriverManager.getConnection(url, credentials.getProperty("username"),
				credentials.getProperty("password")); Statement statement = upgraded.createStatement()) {
			ResultSet row = statement.executeQuery("select id from kept");
			assertThat(row.next()).isTrue();
			assertThat(row.getInt(1)).isEqualTo(42);
		}
		assertThat(this.h2.prepare(url)).as("a second start changes nothing").isEqualTo(credentials);
		assertThat(permissions(this.folder.resolve("data/wegwijzer.mv.db"))).isEqualTo("rw-------");
	}

	@Test
	void shouldUseTheCredentialsOfTheFileAndLeaveConfiguredOnesAlone() {
		StandardEnvironment generated = environment(Map.of("spring.datasource.url", url()));
		this.h2.postProcessEnvironment(generated, new SpringApplication());
		assertThat(generated.getProperty("spring.datasource.username")).isEqualTo("wegwijzer");
		assertThat(generated.getProperty("spring.datasource.password")).isNotBlank();

		Path other = this.folder.resolve("other");
		StandardEnvironment configured = environment(Map.of("spring.datasource.url", "jdbc:h2:file:" + other.resolve("db"),
				"spring.datasource.username", "beheer", "spring.datasource.password", "eigen"));
		this.h2.postProcessEnvironment(configured, new SpringApplication());
		assertThat(configured.getProperty("spring.datasource.username")).isEqualTo("beheer");
		assertThat(other).doesNotExist();

		StandardEnvironment memory = environment(Map.of("spring.datasource.url", "jdbc:h2:mem:test"));
		this.h2.postProcessEnvironment(memory, new SpringApplication());
		assertThat(memory.getProperty("spring.datasource.username")).isNull();
	}

	@Test
	void shouldFindTheDatabaseFileInTheUrl() {
		assertThat(H2Credentials.databasePath("jdbc:h2:file:./data/wegwijzer;WRITE_DELAY=0"))
			.isEqualTo(Path.of("./data/wegwijzer"));
		assertThat(H2Credentials.databasePath("jdbc:h2:file:~/wegwijzer"))
			.isEqualTo(Path.of(System.getProperty("user.home"), "wegwijzer"));
	}

	private String url() {
		return "jdbc:h2:file:" + this.folder.resolve("data").resolve("wegwijzer") + ";WRITE_DELAY=0";
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

	private static String permissions(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
