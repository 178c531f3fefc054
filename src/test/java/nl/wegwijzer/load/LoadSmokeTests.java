package nl.wegwijzer.load;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import nl.wegwijzer.load.LoadGenerator.Mode;
import nl.wegwijzer.load.LoadGenerator.Options;
import nl.wegwijzer.load.LoadGenerator.Result;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short load run in CI: a few hundred visitors at once must all get every reply. It checks that the
 * chat and the load generator work under concurrency, not how fast they are; figures come from the
 * generator's own runs (docs/benchmarks.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:load;DB_CLOSE_DELAY=-1")
@ActiveProfiles("benchmark")
class LoadSmokeTests {

	@LocalServerPort
	int port;

	@Test
	void shouldAnswerEveryMessageOfThreeHundredConcurrentVisitors() throws Exception {
		Result result = LoadGenerator.run(options("/ws/chat", Mode.CHAT, 300, 2, Duration.ofSeconds(4)));
		System.out.println(result.report());

		assertThat(result.errors()).as(result.report()).isZero();
		assertThat(result.ready()).as(result.report()).isEqualTo(300);
		assertThat(result.replies()).as(result.report()).isEqualTo(600);
	}

	@Test
	void shouldEchoEveryText() throws Exception {
		Result result = LoadGenerator.run(options("/ws/echo", Mode.ECHO, 100, 2, Duration.ofSeconds(1)));
		System.out.println(result.report());

		assertThat(result.errors()).as(result.report()).isZero();
		assertThat(result.replies()).as(result.report()).isEqualTo(200);
	}

	@Test
	void shouldCountRefusedConnectionsAsErrors() throws Exception {
		Result result = LoadGenerator.run(options("/ws/nowhere", Mode.ECHO, 3, 1, Duration.ZERO));

		assertThat(result.connectFailures()).isEqualTo(3);
		assertThat(result.replies()).isZero();
	}

	/**
	 * One message per second per session, as a visitor would at most. The generous timeout only bounds a
	 * broken run: a freshly started server on a busy CI machine is slow, and speed is not what this checks.
	 */
	private Options options(String path, Mode mode, int sessions, int messages, Duration ramp) {
		return new Options(URI.create("ws://127.0.0.1:" + this.port + path), mode, sessions, messages, 1.0, ramp,
				Duration.ofSeconds(60), Duration.ZERO);
	}

}
