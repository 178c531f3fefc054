package nl.wegwijzer.helpdesk;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.ChatClient;
import nl.wegwijzer.StaffHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static nl.wegwijzer.StaffHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roles and the staff audit over real HTTP: {@code staff} (Anna) is the admin, {@code bert} an agent. An
 * agent works the inbox but may not retrain, export consents or read the audit; what both do shows up in
 * the audit, newest first, naming the conversation.
 */
@HelpdeskTest
class StaffAuditApiTests {

	@LocalServerPort
	int port;

	@Autowired
	RetrainService retrainer;

	@Test
	void shouldRefuseAnAgentWhatOnlyAnAdminMayDo() throws Exception {
		StaffHttp bert = StaffHttp.basic(this.port, "bert", HelpdeskTest.BERT_PASSWORD);
		assertThat(json(bert.get("/api/staff/me")).path("role").asString()).isEqualTo("agent");
		List<HttpResponse<String>> refused = List.of(bert.postJson("/api/staff/model/retrain", Map.of()),
				bert.get("/api/staff/audit"), bert.get("/api/staff/consents"), bert.get("/api/staff/consents?format=csv"),
				bert.get("/api/staff/consents/chain"), bert.get("/api/staff/conversations/some-id/export"),
				bert.send(bert.request("/api/staff/conversations/some-id").DELETE()));
		for (HttpResponse<String> response : refused) {
			assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(403);
			assertThat(json(response).path("error").asString()).isEqualTo("forbidden");
			assertThat(json(response).path("message").asString()).isEqualTo("Dit mag alleen een beheerder van de helpdesk.");
		}
		assertThat(bert.get("/api/staff/conversations").statusCode()).as("an agent works the inbox").isEqualTo(200);
	}

	@Test
	void shouldLetTheAdminRetrainExportConsentsAndReadTheAudit() throws Exception {
		StaffHttp anna = StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD);
		assertThat(json(anna.get("/api/staff/me")).path("role").asString()).isEqualTo("admin");
		assertThat(anna.get("/api/staff/consents?format=csv").statusCode()).isEqualTo(200);
		assertThat(anna.get("/api/staff/consents/chain").statusCode()).isEqualTo(200);
		// A real retraining takes long (RetrainTests checks its audit entry): with one running, the admin is let
		// through to the conflict.
		try (RetrainService.Slot running = this.retrainer.claim().orElseThrow()) {
			assertThat(anna.postJson("/api/staff/model/retrain", Map.of()).statusCode()).isEqualTo(409);
		}

		JsonNode audit = json(anna.get("/api/staff/audit?limit=2"));
		assertThat(actions(audit)).containsExactly("verify_consents", "export_consents");
		assertThat(audit.get(0).path("actor").asString()).isEqualTo("staff");
		assertThat(audit.get(0).path("conversationId").isNull()).isTrue();
		assertThat(audit.get(0).path("at").asString()).isNotBlank();
		assertThat(audit.get(1).path("detail").asString()).endsWith("csv");
		assertThat(anna.get("/api/staff/audit?limit=0").statusCode()).isEqualTo(400);
	}

	@Test
	void shouldRecordWhoViewedTookOverAndRelabelledAConversation() throws Exception {
		StaffHttp anna = StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD);
		StaffHttp bert = StaffHttp.basic(this.port, "bert", HelpdeskTest.BERT_PASSWORD);
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			visitor.ask("Hoe lang duurt een project?");
			String id = conversationId(anna, visitor);

			JsonNode detail = json(bert.get("/api/staff/conversations/" + id));
			long turn = 0;
			for (JsonNode entry : detail.path("transcript")) {
				if ("Hoe lang duurt een project?".equals(entry.path("visitorText").asString(null))) {
					turn = entry.path("id").asLong();
				}
			}
			assertThat(turn).isPositive();
			assertThat(bert.postJson("/api/staff/conversations/" + id + "/assign", Map.of()).statusCode()).isEqualTo(204);
			assertThat(bert.postJson("/api/staff/conversations/" + id + "/messages", Map.of("text", "Ik help je verder."))
				.statusCode()).isEqualTo(202);
			assertThat(bert.postJson("/api/staff/turns/" + turn + "/label", Map.of("intent", LabelledExample.NEW_QUESTION))
				.statusCode()).isEqualTo(201);
			assertThat(bert.postJson("/api/staff/conversations/" + id + "/close", Map.of("reason", "answered"))
				.statusCode()).isEqualTo(204);
			assertThat(bert.postJson("/api/staff/conversations/" + id + "/reopen", Map.of()).statusCode()).isEqualTo(204);
			assertThat(bert.get("/api/staff/conversations/no-such-conversation").statusCode()).isEqualTo(404);

			JsonNode audit = json(anna.get("/api/staff/audit?conversation=" + id));
			assertThat(actions(audit)).containsExactly("reopen", "close", "label", "message", "assign", "view");
			for (JsonNode entry : audit) {
				assertThat(entry.path("actor").asString()).isEqualTo("bert");
				assertThat(entry.path("conversationId").asString()).isEqualTo(id);
			}
			assertThat(audit.get(1).path("detail").asString()).isEqualTo("answered");
			assertThat(audit.get(2).path("detail").asString()).isEqualTo("turn " + turn + ": " + LabelledExample.NEW_QUESTION);
			assertThat(json(anna.get("/api/staff/audit?conversation=no-such-conversation"))).isEmpty();
		}
	}

	@Test
	void shouldOfferNoWayToChangeOrDeleteTheAudit() throws Exception {
		StaffHttp anna = StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD);
		assertThat(anna.send(anna.request("/api/staff/audit").DELETE()).statusCode()).isEqualTo(405);
		assertThat(anna.send(anna.request("/api/staff/audit").header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("[]"))).statusCode()).isEqualTo(405);
	}

	private static List<String> actions(JsonNode audit) {
		List<String> actions = new ArrayList<>();
		audit.forEach((entry) -> actions.add(entry.path("action").asString()));
		return actions;
	}

	private static String conversationId(StaffHttp staff, ChatClient visitor) throws Exception {
		for (JsonNode conversation : json(staff.get("/api/staff/conversations"))) {
			if (conversation.path("sessionId").asString().equals(visitor.sessionId())) {
				return conversation.path("id").asString();
			}
		}
		throw new AssertionError("no conversation of session " + visitor.sessionId());
	}

}
