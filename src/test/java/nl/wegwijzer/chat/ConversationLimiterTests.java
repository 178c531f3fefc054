package nl.wegwijzer.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New conversations per address, counted in the database: two limiters on one database, as two instances
 * behind a load balancer, draw from one bucket. {@link PostgresConversationLimiterTests} runs the same on
 * PostgreSQL.
 */
class ConversationLimiterTests {

	private static final LimitSettings THREE_PER_MINUTE = new LimitSettings(1000, 8192, 20, 5, 20, 3, List.of(),
			Duration.ofMinutes(10), Duration.ofSeconds(30));

	DataSource dataSource() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		return h2;
	}

	private JdbcClient migrated() {
		DataSource dataSource = dataSource();
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return JdbcClient.create(dataSource);
	}

	@Test
	void shouldShareOneBucketPerAddressBetweenInstances() {
		JdbcClient jdbc = migrated();
		ConversationLimiter a = new ConversationLimiter(jdbc, THREE_PER_MINUTE);
		ConversationLimiter b = new ConversationLimiter(jdbc, THREE_PER_MINUTE);
		String address = "192.0.2.10";
		assertThat(a.tryStart(address)).isTrue();
		assertThat(b.tryStart(address)).isTrue();
		assertThat(a.tryStart(address)).isTrue();
		assertThat(b.tryStart(address)).as("the fourth in a minute, at either instance").isFalse();
		assertThat(a.tryStart(address)).isFalse();
		assertThat(b.tryStart("198.51.100.1")).as("another address").isTrue();
	}

	@Test
	void shouldTakeExactlyTheBucketWhenManyStartAtOnce() throws Exception {
		JdbcClient jdbc = migrated();
		ConversationLimiter a = new ConversationLimiter(jdbc, THREE_PER_MINUTE);
		ConversationLimiter b = new ConversationLimiter(jdbc, THREE_PER_MINUTE);
		String address = "2001:db8::" + UUID.randomUUID().toString().substring(0, 4);
		List<Thread> threads = new ArrayList<>();
		AtomicInteger started = new AtomicInteger();
		for (int i = 0; i < 8; i++) {
			ConversationLimiter limiter = (i % 2 == 0) ? a : b;
			Thread thread = new Thread(() -> {
				if (limiter.tryStart(address)) {
					started.incrementAndGet();
				}
			});
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(started.get()).as("never more than the bucket, possibly fewer under contention").isBetween(1, 3);
	}

	@Test
	void shouldStoreAnyAddressAProxyPassesOn() {
		JdbcClient jdbc = migrated();
		ConversationLimiter limiter = new ConversationLimiter(jdbc, THREE_PER_MINUTE);
		String garbage = "x".repeat(5000) + "'; drop table conversation_quota; --";
		assertThat(limiter.tryStart(garbage)).isTrue();
		assertThat(jdbc.sql("select address from conversation_quota").query(String.class).single()).hasSize(64);
	}

}
