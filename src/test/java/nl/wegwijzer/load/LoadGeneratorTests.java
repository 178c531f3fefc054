package nl.wegwijzer.load;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import nl.wegwijzer.load.LoadGenerator.Mode;
import nl.wegwijzer.load.LoadGenerator.Options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LoadGeneratorTests {

	@Test
	void shouldParseCommandLine() {
		Options options = Options.parse("--url", "ws://127.0.0.1:9090/ws/echo", "--mode", "echo", "--sessions", "1000",
				"--messages", "30", "--rate", "0.5", "--ramp", "20", "--timeout", "15", "--hold", "2.5");

		assertThat(options).isEqualTo(new Options(URI.create("ws://127.0.0.1:9090/ws/echo"), Mode.ECHO, 1000, 30, 0.5,
				Duration.ofSeconds(20), Duration.ofSeconds(15), Duration.ofMillis(2500)));
		// ramp + messages / rate + 2 × timeout + hold + 5 s for closing
		assertThat(options.bound()).isEqualTo(Duration.ofMillis(20_000 + 60_000 + 30_000 + 2_500 + 5_000));
	}

	@Test
	void shouldRefuseAnythingButWebSocketUrlsAndSensibleNumbers() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--url", "http://example.org/"));
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--rate", "0"));
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--sessions", "0"));
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--sessions"));
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--bogus", "1"));
	}

	@Test
	void shouldTakeNearestRankPercentilesInMilliseconds() {
		long[] nanos = new long[100];
		for (int i = 0; i < nanos.length; i++) {
			nanos[i] = (i + 1) * 1_000_000L;
		}

		assertThat(LoadGenerator.percentile(nanos, 0.50)).isEqualTo(50.0);
		assertThat(LoadGenerator.percentile(nanos, 0.99)).isEqualTo(99.0);
		assertThat(LoadGenerator.percentile(nanos, 1.0)).isEqualTo(100.0);
		assertThat(LoadGenerator.percentile(new long[0], 0.5)).isZero();
	}

	@Test
	void shouldReadTheFrameType() {
		String frame = "{\"type\":\"error\",\"code\":\"rate_limited\",\"message\":\"Je stuurt \\\"te\\\" veel\"}";

		assertThat(LoadGenerator.field(frame, "type")).isEqualTo("error");
		assertThat(LoadGenerator.field(frame, "code")).isEqualTo("rate_limited");
		assertThat(LoadGenerator.field(frame, "missing")).isEmpty();
	}

}
