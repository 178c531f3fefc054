package nl.wegwijzer.chat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which address a limit counts, with and without trusted proxies in front. */
class ClientAddressesTests {

	private final ClientAddresses addresses = new ClientAddresses(new LimitSettings(1000, 8192, 20, 5, 20, 10,
			List.of("10.0.0.5", "10.0.0.6"), Duration.ofMinutes(10), Duration.ofSeconds(30)));

	@Test
	void shouldBelieveForwardedForOnlyFromATrustedProxy() {
		assertThat(this.addresses.of("198.51.100.9", "203.0.113.7")).isEqualTo("198.51.100.9");
		assertThat(this.addresses.of("10.0.0.5", "203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(this.addresses.of("10.0.0.5", null)).isEqualTo("10.0.0.5");
	}

	@Test
	void shouldTakeTheNearestHopThatIsNoTrustedProxy() {
		assertThat(this.addresses.of("10.0.0.5", "1.2.3.4, 203.0.113.7")).as("the client made up 1.2.3.4")
			.isEqualTo("203.0.113.7");
		assertThat(this.addresses.of("10.0.0.5", "203.0.113.7, 10.0.0.6")).isEqualTo("203.0.113.7");
		assertThat(this.addresses.of("10.0.0.5", " , ")).isEqualTo("10.0.0.5");
	}

}
