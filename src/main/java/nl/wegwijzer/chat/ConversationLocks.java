package nl.wegwijzer.chat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Every change to one conversation, by visitor or staff, happens under the conversation's lock, so no
 * change overwrites another. On one instance a set of striped monitors is the lock. With several instances
 * on one PostgreSQL database the holder also takes a PostgreSQL advisory lock on the conversation: a staff
 * member's takeover on one instance and the visitor's message on another then take turns as well.
 *
 * <p>The advisory locks are held on connections of a small pool of their own: a change needs a connection
 * of the main pool to store itself, and with one pool, holders of every connection could wait for one
 * more for good. Locks are not nested: a change never takes the lock of another conversation.
 */
@Component
class ConversationLocks implements DisposableBean {

	/** Advisory locks are keyed by two numbers; the first says they are Wegwijzer's conversation locks. */
	private static final int NAMESPACE = 0x57_45_47_57;

	private static final int POOL_SIZE = 10;

	private final Object[] stripes = new Object[256];

	/** Absent when the database has one instance (H2). */
	private final HikariDataSource advisory;

	ConversationLocks(DataSource dataSource, ClusterBus cluster) {
		Arrays.setAll(this.stripes, (i) -> new Object());
		this.advisory = cluster.enabled() ? pool(dataSource) : null;
	}

	private static HikariDataSource pool(DataSource dataSource) {
		HikariConfig config = new HikariConfig();
		try {
			dataSource.unwrap(HikariDataSource.class).copyStateTo(config);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Several instances need a Hikari connection pool", ex);
		}
		config.setPoolName("conversation-locks");
		config.setMaximumPoolSize(POOL_SIZE);
		config.setMinimumIdle(1);
		config.setAutoCommit(true);
		return new HikariDataSource(config);
	}

	/** Runs {@code work} holding the conversation's lock, and returns what it returns. */
	<T> T holding(String conversationId, Supplier<T> work) {
		synchronized (this.stripes[Math.floorMod(conversationId.hashCode(), this.stripes.length)]) {
			if (this.advisory == null) {
				return work.get();
			}
			try (Connection connection = this.advisory.getConnection()) {
				advisory(connection, "select pg_advisory_lock(?, ?)", conversationId);
				try {
					return work.get();
				}
				finally {
					unlock(connection, conversationId);
				}
			}
			catch (SQLException ex) {
				throw new DataAccessResourceFailureException("Could not lock conversation " + conversationId, ex);
			}
		}
	}

	/** A lock that cannot be let go of must not stay with a pooled connection: the connection goes instead. */
	private void unlock(Connection connection, String conversationId) {
		try {
			advisory(connection, "select pg_advisory_unlock(?, ?)", conversationId);
		}
		catch (SQLException ex) {
			this.advisory.evictConnection(connection);
		}
	}

	private static void advisory(Connection connection, String sql, String conversationId) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setInt(1, NAMESPACE);
			// Two conversations with one hash code merely take turns.
			statement.setInt(2, conversationId.hashCode());
			statement.execute();
		}
	}

	@Override
	public void destroy() {
		if (this.advisory != null) {
			this.advisory.close();
		}
	}

}
