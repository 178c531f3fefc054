package nl.wegwijzer.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Rewrites an H2 database file so that deleted rows are gone from it. H2 leaves a deleted row's bytes in
 * the file until the file is compacted, which only {@code SHUTDOWN COMPACT} does: erased and expired
 * conversations would otherwise stay readable with a hex editor. The pool is suspended meanwhile, so
 * requests wait for the database to open again instead of failing. Nothing happens on PostgreSQL or an
 * in-memory database (see docs/deployment.md for PostgreSQL).
 */
@Component
public class H2Compaction {

	private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);

	/** How long the connections in use get to come back before the compaction is left for the next run. */
	private static final Duration DRAIN = Duration.ofSeconds(10);

	private final DataSource dataSource;

	public H2Compaction(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** @return whether the file was compacted */
	public boolean compact() {
		HikariDataSource hikari;
		try {
			hikari = this.dataSource.isWrapperFor(HikariDataSource.class) ? this.dataSource.unwrap(HikariDataSource.class)
					: null;
		}
		catch (SQLException ex) {
			hikari = null;
		}
		if (hikari == null || hikari.getJdbcUrl() == null || !hikari.getJdbcUrl().startsWith("jdbc:h2:file:")) {
			return false;
		}
		if (!hikari.isAllowPoolSuspension()) {
			log.warn("H2 compaction skipped: set spring.datasource.hikari.allow-pool-suspension=true");
			return false;
		}
		HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
		long start = System.nanoTime();
		try (Connection connection = hikari.getConnection()) {
			pool.suspendPool();
			try {
				if (!drained(pool)) {
					log.warn("H2 compaction skipped: connections still in use after {} s", DRAIN.toSeconds());
					return false;
				}
				try (Statement statement = connection.createStatement()) {
					statement.execute("SHUTDOWN COMPACT");
				}
				// Every pooled connection belongs to the closed database: new ones open the compacted file.
				pool.softEvictConnections();
			}
			finally {
				pool.resumePool();
			}
		}
		catch (SQLException ex) {
			log.warn("H2 compaction failed: {}", ex.toString());
			return false;
		}
		log.info("H2 database file compacted in {} ms", Duration.ofNanos(System.nanoTime() - start).toMillis());
		return true;
	}

	/** Whether only the compaction's own connection is in use, waiting up to {@link #DRAIN}. */
	private static boolean drained(HikariPoolMXBean pool) {
		long until = System.nanoTime() + DRAIN.toNanos();
		while (pool.getActiveConnections() > 1) {
			if (System.nanoTime() > until) {
				return false;
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

}
