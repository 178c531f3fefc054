package nl.wegwijzer.chat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.ChatClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Rating a bot answer and ending the conversation, with a real WebSocket client against the running app. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:protocol;DB_CLOSE_DELAY=-1", "wegwijzer.limits.burst=100" })
class RatingAndEndTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldStoreARatingWithTheAnswerAndShowItInTheHistory() throws Exception {
		long greeting;
		long answerId;
		String token;
		try (ChatClient client = ChatClient.connect(this.port)) {
			client.expect("consent_request");
			client.consent("analytics");
			token = client.expect("session").path("resumeToken").asString();
			greeting = client.expect("bot").path("turnId").asLong();
			JsonNode answer = client.ask("Hoe lang duurt een strategisch partnerschap?");
			answerId = answer.path("turnId").asLong();
			assertThat(answerId).isPositive();

			client.send(Map.of("type", "rate", "turnId", answerId, "rating", "down"));
			JsonNode rated = client.expect("rated");
			assertThat(rated.path("turnId").asLong()).isEqualTo(answerId);
			assertThat(rated.path("rating").asString()).isEqualTo("down");
			// A change of mind replaces the rating.
			client.send(Map.of("type", "rate", "turnId", answerId, "rating", "up"));
			client.expect("rated");
			assertThat(rating(answerId)).isEqualTo("up");
		}
		try (ChatClient resumed = ChatClient.connect(this.port)) {
			resumed.send(Map.of("type", "resume", "resumeToken", token));
			JsonNode history = resumed.expect("session").path("history");
			assertThat(history.get(0).path("turnId").asLong()).isEqualTo(greeting);
			assertThat(history.get(0).path("at").asString()).isNotBlank();
			JsonNode answer = history.get(2);
			assertThat(answer.path("turnId").asLong()).isEqualTo(answerId);
			assertThat(answer.path("rating").asString()).isEqualTo("up");
			assertThat(history.get(1).path("from").asString()).isEqualTo("visitor");
			assertThat(history.get(1).has("turnId")).isFalse();
		}
	}

	@Test
	void shouldRefuseABadOrForeignRatingAndChangeNothing() throws Exception {
		long foreign;
		try (ChatClient other = ChatClient.inSession(this.port)) {
			foreign = other.expect("bot").path("turnId").asLong();
		}
		try (ChatClient client = ChatClient.inSession(this.port)) {
			long greeting = client.expect("bot").path("turnId").asLong();
			for (Object frame : List.of(Map.of("type", "rate", "turnId", foreign, "rating", "up"),
					Map.of("type", "rate", "turnId", greeting, "rating", "great"),
					Map.of("type", "rate", "turnId", "12", "rating", "up"), Map.of("type", "rate", "rating", "up"),
					Map.of("type", "rate", "turnId", -1, "rating", "up"))) {
				client.send(frame);
				JsonNode error = client.expect("error");
				assertThat(error.path("code").asString()).as("%s", frame).isEqualTo("bad_request");
				assertThat(error.path("message").asString()).as("%s", frame).containsAnyOf("antwoord", "duim");
			}
			assertThat(rating(foreign)).isNull();
			assertThat(rating(greeting)).isNull();
			// Still usable.
			assertThat(client.ask("Hoe lang duurt een strategisch partnerschap?").path("intent").asString())
				.isEqualTo("duur");
		}
	}

	@Test
	void shouldEndTheConversationSoItIsClosedAndCannotBeResumed() throws Exception {
		String token;
		String sessionId;
		try (ChatClient client = ChatClient.chatting(this.port)) {
			token = client.resumeToken();
			sessionId = client.sessionId();
			client.send(Map.of("type", "end"));
			JsonNode closed = client.expect("closed");
			assertThat(closed.path("reason").asString()).isEqualTo("ended");
			assertThat(closed.path("text").asString()).contains("beëindigd");
		}
		assertThat(this.jdbc.sql("select status || ' ' || close_reason from conversation where session_id = :id")
			.param("id", sessionId)
			.query(String.class)
			.single()).isEqualTo("CLOSED ended");
		try (ChatClient again = ChatClient.connect(this.port)) {
			again.send(Map.of("type", "resume", "resumeToken", token));
			assertThat(again.expect("error").path("code").asString()).isEqualTo("resume_failed");
		}
	}

	@Test
	void shouldRefuseToRateOrEndBeforeConsent() throws Exception {
		try (ChatClient client = ChatClient.connect(this.port)) {
			client.send(Map.of("type", "end"));
			client.expect("consent_request");
			assertThat(client.expect("error").path("code").asString()).isEqualTo("consent_required");
			client.send(Map.of("type", "rate", "turnId", 1, "rating", "up"));
			assertThat(client.expect("error").path("code").asString()).isEqualTo("consent_required");
		}
	}

	private String rating(long turnId) {
		return this.jdbc.sql("select rating from turn where id = :id").param("id", turnId).query(String.class).list().get(0);
	}

}
