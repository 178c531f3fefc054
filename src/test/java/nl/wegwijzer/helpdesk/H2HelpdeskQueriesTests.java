package nl.wegwijzer.helpdesk;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;

import org.springframework.boot.jdbc.DataSourceBuilder;

/** The helpdesk's SQL on H2, the default database. */
class H2HelpdeskQueriesTests extends HelpdeskQueriesContractTests {

	private static HikariDataSource dataSource;

	@Override
	DataSource dataSource() {
		if (dataSource == null) {
			dataSource = DataSourceBuilder.create()
				.type(HikariDataSource.class)
				.url("jdbc:h2:mem:helpdesk-queries;DB_CLOSE_DELAY=-1")
				.username("sa")
				.build();
		}
		return dataSource;
	}

	@AfterAll
	static void close() {
		if (dataSource != null) {
			dataSource.close();
			dataSource = null;
		}
	}

}
