package nl.wegwijzer.chat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.ChatClient;
import nl.wegwijzer.StaffHttp;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static nl.wegwijzer.StaffHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Health for anyone, metrics for staff: sessions, messages, reply time, fallbacks and the cache. */
// Spring Boot's tests switch metrics export off unless asked.
@AutoConfigureMetrics
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:observability;DB_CLOSE_DELAY=-1",
				"wegwijzer.staff.password=geheim" })
class ObservabilityTests {

	@LocalServerPort
	int port;

	@Test
	void shouldReportHealthWithTheDatabaseAndTheModel() throws Exception {
		HttpResponse<String> response = StaffHttp.anonymous(this.port).get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode health = json(response);
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("model").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void shouldExposeChatMetricsToStaffOnly() throws Exception {
		assertThat(StaffHttp.anonymous(this.port).get("/actuator/prometheus").statusCode()).isEqualTo(401);
		try (ChatClient visitor = ChatClient.inSession(this.port)) {
			visitor.expect("bot");
			visitor.ask("Hoe lang duurt een project?");
			visitor.ask("Hoe lang duurt een project?");
			visitor.ask("qwpoz xkcd");
			String metrics = StaffHttp.basic(this.port, "staff", "geheim").get("/actuator/prometheus").body();
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
