package nl.wegwijzer.chat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.ChatClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.socket.CloseStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** Walks the protocol with a real WebSocket client against the running app. */
// A generous burst: these tests send many frames back to back; LimitTests covers the rate limit.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:protocol;DB_CLOSE_DELAY=-1", "wegwijzer.limits.burst=100" })
class ChatProtocolTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldAskConsentThenGreetThenAnswer() throws Exception {
		try (ChatClient client = ChatClient.connect(this.port)) {
			JsonNode request = client.expect("consent_request");
			assertThat(request.path("policyVersion").asString()).isNotBlank();
			assertThat(request.path("text").asString()).contains("gesprek", "90 dagen", "cookiekeuze", "5 jaar");
			// Social media governs nothing in this chat, so by default it is not offered.
			assertThat(request.path("categories")).extracting((c) -> c.path("id").asString())
				.containsExactly("necessary", "analytics");
			assertThat(request.path("categories").get(0).path("required").asBoolean()).isTrue();

			client.consent("analytics");
			JsonNode session = client.expect("session");
			assertThat(session.path("sessionId").asString()).isNotBlank();
			assertThat(session.path("resumeToken").asString()).hasSizeGreaterThan(20);
			JsonNode greeting = client.expect("bot");
			assertThat(greeting.path("quickReplies").size()).isPositive();

			JsonNode answer = client.ask("Hoe lang duurt een strategisch partnerschap?");
			assertThat(answer.path("intent").asString()).isEqualTo("duur");
			assertThat(answer.path("text").asString()).contains("2 of 3 jaar");
			assertThat(answer.path("confidence").asDouble()).isBetween(0.0, 1.0);
			assertThat(answer.path("state").asString()).isEqualTo("OPEN");
			assertThat(answer.path("intents")).extracting(JsonNode::asString).containsExactly("duur");

			JsonNode both = client.ask("Wie mag de aanvraag indienen en hoeveel partners zijn er nodig?");
			assertThat(both.path("intent").asString()).isEqualTo("aanvrager");
			assertThat(both.path("intents")).extracting(JsonNode::asString).containsExactly("aanvrager", "aantal_partners");

			String sessionId = session.path("sessionId").asString();
			assertThat(consents(sessionId)).containsExactly("necessary,analytics||ACCEPT_ALL");
			assertThat(this.jdbc.sql("""
					select count(*) from turn t join conversation c on c.id = t.conversation_id
					where c.session_id = ? and t.author = 'BOT'""").param(sessionId).query(Long.class).single())
				.isEqualTo(3);
		}
	}

	@Test
	void shouldRefuseMessagesBeforeConsentAndStoreNothing() throws Exception {
		long turnsBefore = count("turn");
		try (ChatClient client = ChatClient.connect(this.port)) {
			client.message("Hallo?");
			client.expect("consent_request");
			JsonNode error = client.expect("error");
			assertThat(error.path("code").asString()).isEqualTo("consent_required");
			assertThat(error.path("message").asString()).contains("cookie");
			client.consent();
			client.expect("session");
			client.expect("bot");
		}
		assertThat(count("turn")).isEqualTo(turnsBefore + 1);
	}

	@Test
	void shouldAnswerBadFramesWithErrorsAndStayUsable() throws Exception {
		try (ChatClient client = ChatClient.inSession(this.port)) {
			client.expect("bot");
			long turnsBefore = count("turn");
			Map<String, String> bad = Map.of("{not json", "bad_request", "[1,2]", "bad_request", "\"text\"",
					"bad_request", "{\"type\":\"shout\"}", "bad_request", "{\"type\":\"message\"}", "bad_request",
					"{\"type\":\"message\",\"text\":42}", "bad_request", "{\"type\":\"message\",\"text\":\"   \"}",
					"bad_request", "{\"type\":\"message\",\"text\":\"hoi\\u0000\"}", "bad_request",
					"{\"type\":\"message\",\"text\":\"" + "a".repeat(1001) + "\"}", "too_large",
					"{\"type\":\"consent\",\"policyVersion\":\"" + client.policyVersion() + "\",\"categories\":[\"tracking\"]}",
					"bad_request");
			for (Map.Entry<String, String> frame : bad.entrySet()) {
				client.send(frame.getKey());
				JsonNode error = client.expect("error");
				assertThat(error.path("code").asString()).as(frame.getKey()).isEqualTo(frame.getValue());
				assertThat(error.path("message").asString()).isNotBlank();
			}
			assertThat(count("turn")).isEqualTo(turnsBefore);
			assertThat(client.ask("Hoeveel partners heb ik nodig?").path("text").asString()).contains("drie");
		}
	}

	@Test
	void shouldRefuseACategoryThisDeploymentDoesNotOfferAndRecordNothing() throws Exception {
		try (ChatClient client = ChatClient.connect(this.port)) {
			client.expect("consent_request");
			client.consent("analytics", "social");
			JsonNode error = client.expect("error");
			assertThat(error.path("code").asString()).isEqualTo("bad_request");
			assertThat(error.path("message").asString()).contains("necessary, analytics").doesNotContain("social");
			client.message("Hallo?");
			assertThat(client.expect("error").path("code").asString()).isEqualTo("consent_required");
		}
	}

	@Test
	void shouldRecordNoConsentWithoutTheVersionOfThePolicyItAnswers() throws Exception {
		try (ChatClient client = ChatClient.connect(this.port)) {
			String shown = client.expect("consent_request").path("policyVersion").asString();
			long consentsBefore = count("consent_record");
			client.send(Map.of("type", "consent", "categories", List.of("analytics")));
			JsonNode missing = client.expect("error");
			assertThat(missing.path("code").asString()).isEqualTo("bad_request");
			assertThat(missing.path("message").asString()).contains("versie van het cookiebeleid");
			client.send(Map.of("type", "consent", "policyVersion", "0" + shown.substring(1).replace('0', '1'),
					"categories", List.of("analytics")));
			JsonNode other = client.expect("error");
			assertThat(other.path("code").asString()).isEqualTo("bad_request");
			assertThat(other.path("message").asString()).contains("gewijzigd");
			assertThat(count("consent_record")).isEqualTo(consentsBefore);
			client.message("Hallo?");
			assertThat(client.expect("error").path("code").asString()).isEqualTo("consent_required");

			client.send(Map.of("type", "consent", "policyVersion", shown, "categories", List.of("analytics")));
			client.expect("session");
			assertThat(count("consent_record")).isEqualTo(consentsBefore + 1);
		}
	}

	@Test
	void shouldCloseWith1009WhenAFrameIsTooLargeToRead() throws Exception {
		try (ChatClient client = ChatClient.inSession(this.port)) {
			try {
				client.send("{\"type\":\"message\",\"text\":\"" + "a".repeat(40_000) + "\"}");
			}
			catch (IOException | IllegalStateException ex) {
				// The server may close once it has read the frame's length, before the whole frame is out.
			}
			assertThat(client.awaitClose().getCode()).isEqualTo(1009);
		}
	}

	@Test
	void shouldResumeWithHistoryAndStateInsteadOfAskingConsentAgain() throws Exception {
		String token;
		String sessionId;
		JsonNode offered;
		try (ChatClient first = ChatClient.chatting(this.port, "analytics")) {
			token = first.resumeToken();
			sessionId = first.sessionId();
			offered = first.ask("Hoe lang duurt een project?").path("quickReplies");
		}
		try (ChatClient second = ChatClient.connect(this.port)) {
			second.send(Map.of("type", "resume", "resumeToken", token));
			JsonNode session = second.expect("session");
			assertThat(session.path("sessionId").asString()).isEqualTo(sessionId);
			assertThat(session.path("history")).extracting((h) -> h.path("from").asString())
				.containsExactly("bot", "visitor", "bot");
			assertThat(session.path("history").get(1).path("text").asString()).isEqualTo("Hoe lang duurt een project?");
			assertThat(offered).isNotEmpty();
			assertThat(session.path("history").get(2).path("quickReplies")).isEqualTo(offered);
			assertThat(session.path("history").get(1).has("quickReplies")).isFalse();
			assertThat(session.path("consent").path("granted")).extracting(JsonNode::asString)
				.containsExactly("necessary", "analytics");
			assertThat(session.path("consent").path("policyVersion").asString()).isNotBlank();
			assertThat(second.ask("Kan het verlengd worden?").path("text").asString()).contains("6 maanden");
		}
		assertThat(consents(sessionId)).hasSize(1);
	}

	@Test
	void shouldGiveANewResumeTokenOnEveryResumeAndRefuseTheOldOne() throws Exception {
		String first;
		try (ChatClient visitor = ChatClient.connect(this.port)) {
			visitor.expect("consent_request");
			visitor.consent();
			first = visitor.expect("session").path("resumeToken").asString();
			visitor.expect("bot");
		}
		String second;
		try (ChatClient resumed = ChatClient.connect(this.port)) {
			resumed.send(Map.of("type", "resume", "resumeToken", first));
			second = resumed.expect("session").path("resumeToken").asString();
			assertThat(second).hasSizeGreaterThan(20).isNotEqualTo(first);
		}
		try (ChatClient stale = ChatClient.connect(this.port)) {
			stale.send(Map.of("type", "resume", "resumeToken", first));
			assertThat(stale.expect("error").path("code").asString()).isEqualTo("resume_failed");
		}
		try (ChatClient resumed = ChatClient.connect(this.port)) {
			resumed.send(Map.of("type", "resume", "resumeToken", second));
			assertThat(resumed.expect("session").path("resumeToken").asString()).isNotIn(first, second);
		}
	}

	@Test
	void shouldEraseTheConversationOnRequestSoItCanNoLongerBeResumed() throws Exception {
		try (ChatClient early = ChatClient.connect(this.port)) {
			early.expect("consent_request");
			early.send(Map.of("type", "erase"));
			JsonNode refused = early.expect("error");
			assertThat(refused.path("code").asString()).as("no conversation yet to erase").isEqualTo("bad_request");
			assertThat(refused.path("message").asString()).isEqualTo("Er is nog geen gesprek om te wissen.");
			assertThat(early.isOpen()).isTrue();
		}
		String token;
		String sessionId;
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			token = visitor.resumeToken();
			sessionId = visitor.sessionId();
			visitor.ask("Hoe lang duurt een project?");

			visitor.send(Map.of("type", "erase"));

			assertThat(visitor.expect("erased").path("text").asString())
				.isEqualTo("Je gesprek is gewist. Alleen je cookiekeuze bewaren we nog, als bewijs.");
			assertThat(visitor.awaitClose().getCode()).isEqualTo(CloseStatus.NORMAL.getCode());
		}
		try (ChatClient stale = ChatClient.connect(this.port)) {
			stale.send(Map.of("type", "resume", "resumeToken", token));
			assertThat(stale.expect("error").path("code").asString()).isEqualTo("resume_failed");
		}
		assertThat(consents(sessionId)).as("the consent proof stays").hasSize(1);
	}

	@Test
	void shouldRefuseAnUnknownResumeTokenAndAskConsent() throws Exception {
		try (ChatClient client = ChatClient.connect(this.port)) {
			client.send(Map.of("type", "resume", "resumeToken", "not-a-token"));
			assertThat(client.expect("error").path("code").asString()).isEqualTo("resume_failed");
			client.expect("consent_request");
		}
	}

	@Test
	void shouldRecordAConsentChangeAsANewRecord() throws Exception {
		try (ChatClient client = ChatClient.connect(this.port)) {
			client.expect("consent_request");
			client.consent("necessary", "analytics");
			String sessionId = client.expect("session").path("sessionId").asString();
			client.expect("bot");
			client.consent();
			assertThat(client.expect("session").path("sessionId").asString()).isEqualTo(sessionId);
			assertThat(client.nothingWithin(300)).as("no second greeting").isTrue();
			assertThat(consents(sessionId)).containsExactly("necessary,analytics||ACCEPT_ALL",
					"necessary|analytics|NECESSARY_ONLY");
			assertThat(this.jdbc.sql("select analytics from conversation where session_id = ?")
				.param(sessionId)
				.query(Boolean.class)
				.single()).isFalse();
		}
	}

	private java.util.List<String> consents(String sessionId) {
		return this.jdbc
			.sql("select granted || '|' || refused || '|' || method from consent_record where session_id = ? order by given_at, id")
			.param(sessionId)
			.query(String.class)
			.list();
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
