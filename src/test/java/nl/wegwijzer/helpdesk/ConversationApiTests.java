package nl.wegwijzer.helpdesk;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.ChatClient;
import nl.wegwijzer.StaffHttp;

import org.springframework.boot.test.web.server.LocalServerPort;

import static nl.wegwijzer.StaffHttp.json;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The inbox API over real visitors' conversations: list, filters, search and the full transcript. */
@HelpdeskTest
class ConversationApiTests {

	@LocalServerPort
	int port;

	private StaffHttp staff() {
		return StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD);
	}

	@Test
	void shouldListConversationsNewestFirstWithTheirSummary() throws Exception {
		try (ChatClient first = ChatClient.chatting(this.port, "analytics"); ChatClient second = ChatClient.chatting(this.port)) {
			first.ask("Hoe lang duurt een strategisch partnerschap?");
			second.ask("wat is de hoofdstad van Peru");

			List<JsonNode> list = list("");
			int firstAt = indexOf(list, first.sessionId());
			int secondAt = indexOf(list, second.sessionId());
			assertThat(secondAt).as("newest activity first").isLessThan(firstAt);

			JsonNode answered = list.get(firstAt);
			assertThat(answered.path("id").asString()).isNotBlank();
			assertThat(answered.path("status").asString()).isEqualTo("BOT");
			assertThat(answered.path("lastIntent").asString()).isEqualTo("duur");
			assertThat(answered.path("turns").asLong()).isEqualTo(2);
			assertThat(answered.path("online").asBoolean()).isTrue();
			assertThat(answered.path("route").isNull()).isTrue();
			assertThat(Instant.parse(answered.path("startedAt").asString())).isBeforeOrEqualTo(
					Instant.parse(answered.path("lastActiveAt").asString()));
			assertThat(answered.path("flagged").asBoolean())
				.isEqualTo(answered.path("lastConfidence").asDouble() < 0.35 + Inbox.FLAG_MARGIN);

			JsonNode fallback = list.get(secondAt);
			assertThat(fallback.path("lastIntent").asString()).isEqualTo("fallback");
			assertThat(fallback.path("flagged").asBoolean()).isTrue();
		}
	}

	@Test
	void shouldShowAVisitorAsOfflineOnceGone() throws Exception {
		String sessionId;
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			sessionId = visitor.sessionId();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> !find(sessionId).path("online").asBoolean());
	}

	@Test
	void shouldFilterByStatusRouteAndText() throws Exception {
		try (ChatClient youth = ChatClient.chatting(this.port); ChatClient plain = ChatClient.chatting(this.port);
				ChatClient waiting = ChatClient.chatting(this.port)) {
			youth.ask("Waar moeten we de aanvraag indienen?");
			JsonNode routed = youth.ask("vooral buitenschools met jongeren");
			assertThat(routed.path("text").asString()).contains("Jeugd");
			plain.ask("Hoe lang duurt een strategisch partnerschap?");
			// A colleague is available (and the test's office hours are always), so the visitor waits.
			staff().postJson("/api/staff/presence", Map.of("available", true));
			waiting.ask("Ik wil een medewerker spreken");

			assertThat(sessions("?route=jeugd")).contains(youth.sessionId()).doesNotContain(plain.sessionId());
			assertThat(sessions("?route=none")).contains(plain.sessionId()).doesNotContain(youth.sessionId());
			assertThat(sessions("?q=BUITENSCHOOLS%20met")).contains(youth.sessionId()).doesNotContain(plain.sessionId());
			assertThat(sessions("?q=%25")).doesNotContain(plain.sessionId(), youth.sessionId());
			assertThat(sessions("?status=WAITING")).contains(waiting.sessionId()).doesNotContain(plain.sessionId());
			assertThat(sessions("?status=bot")).contains(plain.sessionId()).doesNotContain(waiting.sessionId());
			assertThat(sessions("?status=BOT&route=jeugd&q=jongeren")).containsExactly(youth.sessionId());
			assertThat(find(waiting.sessionId()).path("flagged").asBoolean()).as("waiting for staff").isTrue();
			assertThat(list("?limit=1")).hasSize(1);
		}
	}

	@Test
	void shouldRefuseUnknownFiltersWith400() throws Exception {
		for (String query : new String[] { "?status=SLEEPING", "?route=Drop%20table", "?limit=0", "?limit=abc" }) {
			HttpResponse<String> response = staff().get("/api/staff/conversations" + query);
			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertThat(json(response).path("error").asString()).as(query).isEqualTo("bad_request");
			assertThat(json(response).path("message").asString()).as(query).isNotBlank();
		}
	}

	@Test
	void shouldShowTheTranscriptAndEveryConsentOfTheSession() throws Exception {
		try (ChatClient visitor = ChatClient.chatting(this.port, "analytics")) {
			visitor.ask("Hoe lang duurt een strategisch partnerschap?");
			visitor.consent();
			visitor.expect("session");
			String id = find(visitor.sessionId()).path("id").asString();

			HttpResponse<String> response = staff().get("/api/staff/conversations/" + id);
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode detail = json(response);
			assertThat(detail.path("sessionId").asString()).isEqualTo(visitor.sessionId());
			assertThat(detail.path("status").asString()).isEqualTo("BOT");
			assertThat(detail.path("online").asBoolean()).isTrue();

			JsonNode transcript = detail.path("transcript");
			assertThat(transcript).hasSize(2);
			JsonNode greeting = transcript.get(0);
			assertThat(greeting.path("author").asString()).isEqualTo("BOT");
			assertThat(greeting.path("visitorText").isNull()).isTrue();
			assertThat(greeting.path("intent").asString()).isEqualTo("groet");
			JsonNode answer = transcript.get(1);
			assertThat(answer.path("id").asLong()).isGreaterThan(greeting.path("id").asLong());
			assertThat(answer.path("visitorText").asString()).isEqualTo("Hoe lang duurt een strategisch partnerschap?");
			assertThat(answer.path("reply").asString()).contains("2 of 3 jaar");
			assertThat(answer.path("intent").asString()).isEqualTo("duur");
			assertThat(answer.path("state").asString()).isEqualTo("OPEN");
			assertThat(answer.path("receivedAt").asString()).isNotBlank();
			assertThat(answer.path("sentAt").asString()).isNotBlank();
			assertThat(answer.has("agentName")).isTrue();

			JsonNode consents = detail.path("consents");
			assertThat(consents).hasSize(2);
			assertThat(consents.get(0).path("granted")).extracting(JsonNode::asString).containsExactly("necessary", "analytics");
			assertThat(consents.get(0).path("method").asString()).isEqualTo("CUSTOM");
			assertThat(consents.get(1).path("refused")).extracting(JsonNode::asString).containsExactly("analytics", "social");
			assertThat(consents.get(1).path("method").asString()).isEqualTo("NECESSARY_ONLY");
			assertThat(consents.get(1).path("userAgent").asString()).isEqualTo("ChatClient/1.0 (test)");
			assertThat(consents.get(1).path("policyVersion").asString()).isNotBlank();
			assertThat(Instant.parse(consents.get(0).path("givenAt").asString()))
				.isBeforeOrEqualTo(Instant.parse(consents.get(1).path("givenAt").asString()));
		}
	}

	@Test
	void shouldAnswer404ForAnUnknownConversation() throws Exception {
		StaffHttp staff = staff();
		HttpResponse<String> detail = staff.get("/api/staff/conversations/no-such-conversation");
		assertThat(detail.statusCode()).isEqualTo(404);
		assertThat(json(detail).path("error").asString()).isEqualTo("not_found");
		assertThat(staff.postJson("/api/staff/conversations/no-such-conversation/messages", Map.of("text", "Hallo"))
			.statusCode()).isEqualTo(404);
		assertThat(staff.postJson("/api/staff/conversations/no-such-conversation/release", Map.of()).statusCode())
			.isEqualTo(404);
	}

	@Test
	void shouldRefuseEmptyOrTooLongStaffMessages() throws Exception {
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			String path = "/api/staff/conversations/" + find(visitor.sessionId()).path("id").asString() + "/messages";
			StaffHttp staff = staff();
			for (Object body : List.of(Map.of("text", "   "), Map.of(), Map.of("text", "x".repeat(2001)))) {
				HttpResponse<String> response = staff.postJson(path, body);
				assertThat(response.statusCode()).isEqualTo(400);
				assertThat(json(response).path("error").asString()).isEqualTo("bad_request");
			}
			HttpResponse<String> tooLong = staff.postJson(path, Map.of("text", "x".repeat(2001)));
			assertThat(json(tooLong).path("message").asString()).contains("2000 tekens");
			HttpResponse<String> garbage = staff.send(staff.request(path)
				.header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{not json")));
			assertThat(garbage.statusCode()).isEqualTo(400);
			assertThat(garbage.body()).doesNotContain("Exception");
			assertThat(visitor.nothingWithin(200)).as("nothing reached the visitor").isTrue();
		}
	}

	private List<JsonNode> list(String query) throws Exception {
		HttpResponse<String> response = staff().get("/api/staff/conversations" + query);
		assertThat(response.statusCode()).isEqualTo(200);
		List<JsonNode> list = new ArrayList<>();
		json(response).forEach(list::add);
		return list;
	}

	private List<String> sessions(String query) throws Exception {
		return list(query).stream().map((c) -> c.path("sessionId").asString()).toList();
	}

	private JsonNode find(String sessionId) throws Exception {
		List<JsonNode> list = list("");
		return list.get(indexOf(list, sessionId));
	}

	private static int indexOf(List<JsonNode> list, String sessionId) {
		for (int i = 0; i < list.size(); i++) {
			if (list.get(i).path("sessionId").asString().equals(sessionId)) {
				return i;
			}
		}
		throw new AssertionError("no conversation of session " + sessionId);
	}

}
