package nl.wegwijzer.chat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.ChatClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.socket.CloseStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The limits against abuse found in testing, each with a setting small enough to show it: conversations
 * per client address, the idle timeout against clients that only answer pings, malformed origins and
 * slow request headers. The tests' own address is a trusted proxy, so each test can be its own client.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:abuse;DB_CLOSE_DELAY=-1",
				"wegwijzer.limits.conversations-per-minute=2", "wegwijzer.limits.trusted-proxies=127.0.0.1",
				"wegwijzer.limits.idle-timeout=2s", "wegwijzer.limits.ping-interval=200ms",
				"server.tomcat.connection-timeout=1s" })
class AbuseLimitTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldLimitNewConversationsPerAddressAndStoreNothingForTheRefusedOne() throws Exception {
		for (int i = 0; i < 2; i++) {
			try (ChatClient allowed = ChatClient.connectFrom(this.port, "203.0.113.20")) {
				allowed.expect("consent_request");
				allowed.consent();
				allowed.expect("session");
			}
		}
		long consents = consents();
		try (ChatClient refused = ChatClient.connectFrom(this.port, "203.0.113.20")) {
			refused.expect("consent_request");
			refused.consent();
			JsonNode error = refused.expect("error");
			assertThat(error.path("code").asString()).isEqualTo("rate_limited");
			assertThat(error.path("message").asString()).contains("Wacht een minuut");
			assertThat(refused.isOpen()).isTrue();
		}
		assertThat(consents()).as("no consent stored for the refused conversation").isEqualTo(consents);
		try (ChatClient other = ChatClient.connectFrom(this.port, "203.0.113.21")) {
			other.expect("consent_request");
			other.consent();
			other.expect("session");
		}
	}

	@Test
	void shouldCloseAConnectionThatOnlyAnswersPings() throws Exception {
		try (ChatClient silent = ChatClient.connectFrom(this.port, "203.0.113.30")) {
			silent.expect("consent_request");
			silent.consent();
			silent.expect("session");
			// The client answers every ping (every 200 ms); the idle timeout (2 s) closes it all the same.
			assertThat(silent.awaitClose()).isEqualTo(CloseStatus.GOING_AWAY);
		}
	}

	@Test
	void shouldRefuseAMalformedOriginWith403AndOneLogLine(CapturedOutput output) throws Exception {
		assertThatThrownBy(() -> ChatClient.connect(this.port, "http://127.0.0.1:1.evil")).hasStackTraceContaining("403");
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/"))
				.header("Origin", "http://127.0.0.1:1.evil")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(output.getAll().lines().filter((line) -> line.contains("malformed Origin"))).hasSize(2);
		assertThat(output.getAll()).doesNotContain("\tat org.springframework.web.util");
	}

	@Test
	void shouldCloseAConnectionThatSendsItsHeadersTooSlowly() throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
			OutputStream out = socket.getOutputStream();
			out.write("GET / HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			// No more header lines: the server gives up after its connection timeout (1 s), not the 10 s here.
			InputStream in = socket.getInputStream();
			long started = System.nanoTime();
			while (in.read() != -1) {
				// Tomcat may answer 408 before it closes.
			}
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		}
	}

	private long consents() {
		return this.jdbc.sql("select count(*) from consent_record").query(Long.class).single();
	}

}
