package nl.wegwijzer.chat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.ChatClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** Health for anyone, metrics for staff: sessions, messages, reply time, fallbacks and the cache. */
// Spring Boot's tests switch metrics export off unless asked.
@AutoConfigureTestRestTemplate
@AutoConfigureMetrics
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:observability;DB_CLOSE_DELAY=-1",
				"wegwijzer.staff.password=geheim" })
class ObservabilityTests {

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Test
	void shouldReportHealthWithTheDatabaseAndTheModel() {
		ResponseEntity<JsonNode> health = this.http.getForEntity("/actuator/health", JsonNode.class);
		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(health.getBody().path("status").asString()).isEqualTo("UP");
		assertThat(health.getBody().path("components").path("db").path("status").asString()).isEqualTo("UP");
		assertThat(health.getBody().path("components").path("model").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void shouldExposeChatMetricsToStaffOnly() throws Exception {
		assertThat(this.http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		try (ChatClient visitor = ChatClient.inSession(this.port)) {
			visitor.expect("bot");
			visitor.ask("Hoe lang duurt een project?");
			visitor.ask("Hoe lang duurt een project?");
			visitor.ask("qwpoz xkcd");
			String metrics = this.http.withBasicAuth("staff", "geheim").getForObject("/actuator/prometheus", String.class);
			assertThat(metrics).contains("wegwijzer_chat_sessions_active 1.0")
				.contains("wegwijzer_chat_messages_total 3.0")
				.contains("wegwijzer_chat_fallbacks_total 1.0")
				.contains("wegwijzer_chat_reply_seconds_count 3")
				.contains("wegwijzer_chat_handoffs_total")
				.contains("wegwijzer_nlu_cache_hits_total")
				.contains("wegwijzer_nlu_cache_hit_ratio");
		}
	}

}
