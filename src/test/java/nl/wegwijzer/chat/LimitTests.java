package nl.wegwijzer.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.ChatClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OWASP limits on the chat endpoint, each with the smallest setting that shows it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:limits;DB_CLOSE_DELAY=-1",
				"wegwijzer.limits.messages-per-minute=600", "wegwijzer.limits.burst=3",
				"wegwijzer.limits.connections-per-ip=4", "wegwijzer.allowed-origins=https://partner.example" })
class LimitTests {

	@LocalServerPort
	int port;

	@Test
	void shouldRateLimitABurstAndKeepTheConnection() throws Exception {
		try (ChatClient client = ChatClient.inSession(this.port)) {
			client.expect("bot");
			for (int i = 0; i < 6; i++) {
				client.message("Hoe lang duurt een project?");
			}
			List<String> types = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				JsonNode frame = client.next();
				types.add(frame.path("type").asString() + ":" + frame.path("code").asString(""));
			}
			assertThat(types).contains("error:rate_limited").contains("bot:");
			assertThat(client.isOpen()).isTrue();
			// The bucket refills at 10 frames a second: a question is answered again within a second.
			await().atMost(Duration.ofSeconds(2)).pollDelay(Duration.ofMillis(100)).untilAsserted(() ->
				assertThat(client.ask("Hoeveel partners zijn nodig?").path("text").asString()).contains("drie"));
		}
	}

	@Test
	void shouldRefuseAForeignOriginBeforeTheUpgrade() throws Exception {
		assertThatThrownBy(() -> ChatClient.connect(this.port, "https://evil.example")).hasStackTraceContaining("403");
		try (ChatClient allowed = ChatClient.connect(this.port, "https://partner.example")) {
			allowed.expect("consent_request");
		}
	}

	@Test
	void shouldRefuseMoreConnectionsFromOneAddressThanAllowed() throws Exception {
		for (int i = 0; i < 5; i++) {
			// Refused by the origin check after the limit let it through: it gives its place back.
			assertThatThrownBy(() -> ChatClient.connect(this.port, "https://elders.example")).hasStackTraceContaining("403");
		}
		List<ChatClient> open = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				open.add(ChatClient.connect(this.port));
			}
			assertThatThrownBy(() -> ChatClient.connect(this.port)).hasStackTraceContaining("429");
			open.remove(0).close();
			ChatClient again = null;
			for (int attempt = 0; again == null && attempt < 50; attempt++) {
				try {
					again = ChatClient.connect(this.port);
				}
				catch (Exception refusedWhileTheCloseIsInFlight) {
					Thread.onSpinWait();
				}
			}
			assertThat(again).isNotNull();
			open.add(again);
		}
		finally {
			for (ChatClient client : open) {
				client.close();
			}
		}
	}

}
