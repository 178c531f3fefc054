package nl.wegwijzer.chat;

import java.time.Duration;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever arrives as a frame, parsing ends in a frame or a {@link ProtocolException} with a Dutch
 * message: no other exception escapes.
 */
class ClientFramesProperties {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final ClientFrames frames = new ClientFrames(JSON,
			new LimitSettings(1000, 8192, 20, 5, 20, 30, null, Duration.ofMinutes(10),
					Duration.ofSeconds(30)));

	@Property(tries = 500)
	void shouldNeverThrowAnythingButAProtocolException(@ForAll("payloads") String payload) {
		try {
			ClientFrame frame = this.frames.parse(payload);
			assertThat(frame).isNotNull();
		}
		catch (ProtocolException ex) {
			assertThat(ex.code()).isIn(ClientFrames.BAD_REQUEST, ClientFrames.TOO_LARGE);
			assertThat(ex.getMessage()).isNotBlank();
		}
	}

	@Property(tries = 300)
	void shouldAcceptEveryReadableMessageWithinTheLimit(@ForAll("readableTexts") String text) throws Exception {
		String payload = JSON.writeValueAsString(Map.of("type", "message", "text", text));
		assertThat(this.frames.parse(payload)).isEqualTo(new ClientFrame.Message(text.strip()));
	}

	@Provide
	Arbitrary<String> payloads() {
		Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(300);
		Arbitrary<String> messages = anyText.map((t) -> "{\"type\":\"message\",\"text\":\"" + t + "\"}");
		Arbitrary<String> escapedSurrogates = Arbitraries.integers()
			.between(0xD800, 0xDFFF)
			.map((c) -> "{\"type\":\"message\",\"text\":\"a\\u" + Integer.toHexString(c) + "b\"}");
		Arbitrary<String> controls = Arbitraries.chars()
			.range('\u0000', '\u001f')
			.map((c) -> "{\"type\":\"message\",\"text\":\"x\\u00" + String.format("%02x", (int) c) + "\"}");
		Arbitrary<String> zeroWidth = Arbitraries.of("\u200b", "\u200d", "\ufeff", "\u2060")
			.map((z) -> "{\"type\":\"message\",\"text\":\"" + z + z + "\"}");
		Arbitrary<String> nesting = Arbitraries.integers().between(1, 5000).map((d) -> "[".repeat(d) + "]".repeat(d));
		Arbitrary<String> deepObjects = Arbitraries.integers()
			.between(1, 3000)
			.map((d) -> "{\"type\":\"consent\",\"policyVersion\":\"abc123\",\"categories\":" + "[".repeat(d) + "]".repeat(d) + "}");
		Arbitrary<String> hugeNumbers = Arbitraries.strings()
			.numeric()
			.ofMinLength(1)
			.ofMaxLength(5000)
			.map((n) -> "{\"type\":\"message\",\"text\":" + n + "}");
		Arbitrary<String> longTexts = Arbitraries.integers()
			.between(990, 100_000)
			.map((n) -> "{\"type\":\"message\",\"text\":\"" + "é".repeat(n) + "\"}");
		Arbitrary<String> odd = Arbitraries.of("", "null", "true", "42", "\"text\"", "{}", "{\"type\":null}",
				"{\"type\":\"resume\",\"resumeToken\":\"\"}", "{\"type\":\"consent\",\"policyVersion\":\"abc123\",\"categories\":\"all\"}",
				"{\"type\":\"consent\",\"policyVersion\":\"abc123\",\"categories\":[1,2]}", "{\"type\":\"message\",\"text\":\"hoi\"", "\uD800");
		return Arbitraries.oneOf(anyText, messages, escapedSurrogates, controls, zeroWidth, nesting, deepObjects,
				hugeNumbers, longTexts, odd);
	}

	@Provide
	Arbitrary<String> readableTexts() {
		return Arbitraries.strings()
			.withCharRange('a', 'z')
			.withCharRange('A', 'Z')
			.withChars(" ?!.,'éëïüöàç€-")
			.ofMinLength(1)
			.ofMaxLength(1000)
			.filter((t) -> !t.isBlank());
	}

}
