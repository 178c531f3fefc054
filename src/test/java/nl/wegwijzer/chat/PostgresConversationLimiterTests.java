package nl.wegwijzer.chat;

import javax.sql.DataSource;

import nl.wegwijzer.Postgres;

/** {@link ConversationLimiterTests} on a real PostgreSQL server; each test migrates a database of its own. */
class PostgresConversationLimiterTests extends ConversationLimiterTests {

	@Override
	DataSource dataSource() {
		return Postgres.newDataSource();
	}

}
