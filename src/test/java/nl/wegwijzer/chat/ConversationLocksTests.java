package nl.wegwijzer.chat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import nl.wegwijzer.Postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two instances on one PostgreSQL database, each with its own locks and connections, as in production: while
 * one changes a conversation, the other waits for it, and conversations do not hold each other up.
 */
class ConversationLocksTests {

	private static String database;

	private HikariDataSource databaseA;

	private HikariDataSource databaseB;

	private ConversationLocks a;

	private ConversationLocks b;

	@BeforeAll
	static void createDatabase() {
		database = Postgres.newDatabase();
	}

	@BeforeEach
	void twoInstances() {
		this.databaseA = database();
		this.databaseB = database();
		this.a = locks(this.databaseA);
		this.b = locks(this.databaseB);
	}

	@Test
	void shouldMakeTheOtherInstanceWaitForAConversationInUse() throws Exception {
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch leave = new CountDownLatch(1);
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> this.a.holding("gesprek-1", () -> {
			inside.countDown();
			await(leave);
			return "A";
		}));
		assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> this.b.holding("gesprek-1", () -> "B"));
		assertThat(this.b.holding("gesprek-2", () -> "another conversation")).isEqualTo("another conversation");
		assertThatThrownBy(() -> second.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

		leave.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("A");
		assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("B");
	}

	@Test
	void shouldLetGoOfTheLockWhenTheChangeFails() throws Exception {
		assertThatThrownBy(() -> this.a.holding("gesprek-3", () -> {
			throw new IllegalStateException("opslag mislukt");
		})).hasMessage("opslag mislukt");
		assertThat(CompletableFuture.supplyAsync(() -> this.b.holding("gesprek-3", () -> "B")).get(10, TimeUnit.SECONDS))
			.isEqualTo("B");
	}

	@AfterEach
	void close() {
		this.a.destroy();
		this.b.destroy();
		this.databaseA.close();
		this.databaseB.close();
	}

	private static HikariDataSource database() {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database);
		return dataSource;
	}

	private static ConversationLocks locks(HikariDataSource dataSource) {
		return new ConversationLocks(new ClusterBus(dataSource, (event) -> {
		}, JsonMapper.builder().build(), null));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
