package nl.wegwijzer.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server for load runs against the {@code postgres} profile, from the same binaries as the
 * PostgreSQL tests (docs/benchmarks.md). Its data stays in {@code data-benchmark/pg} between runs; it
 * stops with the process (Ctrl-C). PostgreSQL refuses to run as root.
 *
 * <p>
 * Usage: {@code BenchmarkPostgres [port]}, port 5433 unless given.
 */
public final class BenchmarkPostgres {

	private BenchmarkPostgres() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		int port = (args.length > 0) ? Integer.parseInt(args[0]) : 5433;
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setPort(port)
			.setDataDirectory(Path.of("data-benchmark", "pg"))
			.setCleanDataDirectory(false)
			.start();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				postgres.close();
			}
			catch (IOException ex) {
				System.err.println("PostgreSQL did not stop cleanly: " + ex.getMessage());
			}
			stopped.countDown();
		}));
		System.out.println("PostgreSQL ready: --spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres")
				+ " --spring.datasource.username=postgres");
		stopped.await();
	}

}
