package nl.wegwijzer.chat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Every change to one conversation, by visitor or staff, happens under the conversation's lock, so no
 * change overwrites another. On one instance a set of striped monitors is the lock. With several instances
 * on one PostgreSQL database the holder also takes a PostgreSQL advisory lock on the conversation: a staff
 * member's takeover on one instance and the visitor's message on another then take turns as well.
 *
 * <p>The advisory locks live on a few connections of their own, outside the pool, each shared by the
 * conversations whose hash picks it. They are only ever tried ({@code pg_try_advisory_lock}), never waited
 * for on the connection, so one conversation held by another instance holds up no other: its waiter tries
 * again a moment later. A lock connection that is lost takes its locks with it; the next change opens a
 * new one.
 */
@Component
class ConversationLocks implements DisposableBean {

	/** Advisory locks are keyed by two numbers; the first says they are Wegwijzer's conversation locks. */
	private static final int NAMESPACE = 0x57_45_47_57;

	private static final int CONNECTIONS = 4;

	/** How long a change waits for another instance's change of the same conversation. */
	private static final long WAIT_MILLIS = 30_000;

	private final Object[] stripes = new Object[256];

	/** Absent when the database has one instance (H2). */
	private final LockConnection[] advisory;

	ConversationLocks(ClusterBus cluster) {
		Arrays.setAll(this.stripes, (i) -> new Object());
		if (cluster.enabled()) {
			this.advisory = new LockConnection[CONNECTIONS];
			Arrays.setAll(this.advisory, (i) -> new LockConnection(cluster));
		}
		else {
			this.advisory = null;
		}
	}

	/** Runs {@code work} holding the conversation's lock, and returns what it returns. */
	<T> T holding(String conversationId, Supplier<T> work) {
		int key = conversationId.hashCode();
		synchronized (this.stripes[Math.floorMod(key, this.stripes.length)]) {
			if (this.advisory == null) {
				return work.get();
			}
			// Two conversations with one hash code merely take turns.
			LockConnection connection = this.advisory[Math.floorMod(key, this.advisory.length)];
			connection.lock(key, conversationId);
			try {
				return work.get();
			}
			finally {
				connection.unlock(key);
			}
		}
	}

	@Override
	public void destroy() {
		if (this.advisory != null) {
			Arrays.stream(this.advisory).forEach(LockConnection::close);
		}
	}

	/** One database session that holds advisory locks; its statements run one at a time. */
	private static final class LockConnection {

		private final ClusterBus cluster;

		private Connection connection;

		LockConnection(ClusterBus cluster) {
			this.cluster = cluster;
		}

		void lock(int key, String conversationId) {
			long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
			for (long pause = 1; !tryLock(key); pause = Math.min(pause * 2, 50)) {
				if (System.nanoTime() > deadline) {
					throw new CannotAcquireLockException("Conversation " + conversationId
							+ " stayed locked by another instance for " + WAIT_MILLIS + " ms");
				}
				try {
					Thread.sleep(pause);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new CannotAcquireLockException("Interrupted waiting for conversation " + conversationId, ex);
				}
			}
		}

		private synchronized boolean tryLock(int key) {
			try (PreparedStatement statement = connection().prepareStatement("select pg_try_advisory_lock(?, ?)")) {
				statement.setInt(1, NAMESPACE);
				statement.setInt(2, key);
				try (ResultSet result = statement.executeQuery()) {
					return result.next() && result.getBoolean(1);
				}
			}
			catch (SQLException ex) {
				close();
				throw new DataAccessResourceFailureException("Could not lock a conversation", ex);
			}
		}

		/** A lock that cannot be let go of must not outlive the change: its session goes instead. */
		synchronized void unlock(int key) {
			if (this.connection == null) {
				return;
			}
			try (PreparedStatement statement = this.connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
				statement.setInt(1, NAMESPACE);
				statement.setInt(2, key);
				statement.execute();
			}
			catch (SQLException ex) {
				close();
			}
		}

		private Connection connection() throws SQLException {
			if (this.connection == null) {
				this.connection = this.cluster.openOwnConnection();
				this.connection.setAutoCommit(true);
			}
			return this.connection;
		}

		synchronized void close() {
			if (this.connection != null) {
				try {
					this.connection.close();
				}
				catch (SQLException ignored) {
					// Gone already; its locks went with it.
				}
				this.connection = null;
			}
		}

	}

}
