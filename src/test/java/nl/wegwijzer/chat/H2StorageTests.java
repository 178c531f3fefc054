package nl.wegwijzer.chat;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.jdbc.DataSourceBuilder;

/** The storage contract on the default database: an embedded H2 file. */
class H2StorageTests extends StorageContractTests {

	@TempDir
	static Path folder;

	private HikariDataSource dataSource;

	@Override
	DataSource dataSource() {
		if (this.dataSource == null) {
			this.dataSource = DataSourceBuilder.create()
				.type(HikariDataSource.class)
				.url("jdbc:h2:file:" + folder.resolve("wegwijzer") + ";DB_CLOSE_ON_EXIT=FALSE")
				.username("sa")
				.build();
		}
		return this.dataSource;
	}

	@Override
	void restart() {
		close();
		dataSource();
	}

	@AfterEach
	void close() {
		if (this.dataSource != null) {
			this.dataSource.close();
			this.dataSource = null;
		}
	}

}
