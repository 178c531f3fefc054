package nl.wegwijzer.helpdesk;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.ChatClient;
import nl.wegwijzer.StaffHttp;

import org.springframework.boot.test.web.server.LocalServerPort;

import static nl.wegwijzer.StaffHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Without SMTP set up, staff get the address and the draft to copy, and a clear word that mail is off. */
@HelpdeskTest
class EmailDraftTests {

	@LocalServerPort
	int port;

	@Test
	void shouldOfferTheDraftToCopyWhenMailIsNotSetUp() throws Exception {
		StaffHttp anna = StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD);
		anna.postJson("/api/staff/presence", Map.of("available", false));
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			visitor.ask("Ik wil een medewerker spreken");
			visitor.ask("Kan iemand mij mailen over de looptijd? Mijn adres is piet@school.example.nl.");
			String id = EmailReplyTests.conversationId(anna, visitor);

			JsonNode draft = json(anna.postJson("/api/staff/conversations/" + id + "/email-draft",
					Map.of("text", "Een project duurt 2 of 3 jaar.")));
			assertThat(draft.path("to").asString()).isEqualTo("piet@school.example.nl");
			assertThat(draft.path("mailConfigured").asBoolean()).isFalse();
			assertThat(draft.path("body").asString()).startsWith("Een project duurt 2 of 3 jaar.")
				.contains("> Kan iemand mij mailen over de looptijd?");

			HttpResponse<String> refused = anna.postJson("/api/staff/conversations/" + id + "/reply-by-email",
					Map.of("text", "Een project duurt 2 of 3 jaar."));
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(json(refused).path("error").asString()).isEqualTo("mail_not_configured");
			assertThat(json(refused).path("message").asString()).contains("niet ingesteld");
			JsonNode detail = json(anna.get("/api/staff/conversations/" + id));
			assertThat(detail.path("transcript").valueStream().map((t) -> t.path("author").asString()))
				.doesNotContain("EMAIL");
		}
	}

	@Test
	void shouldKeepPlaceholdersThatTheVisitorOrTheStaffMemberWrote() throws Exception {
		StaffHttp anna = StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD);
		anna.postJson("/api/staff/presence", Map.of("available", false));
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			visitor.ask("Ik wil een medewerker spreken");
			visitor.ask("Wat vul ik in bij {text} en {name} op het formulier? Mail naar piet@school.example.nl");
			String id = EmailReplyTests.conversationId(anna, visitor);

			String body = json(anna.postJson("/api/staff/conversations/" + id + "/email-draft",
					Map.of("text", "Daar vul je je eigen naam in; zie {question} hieronder. Kost $1."))).path("body").asString();
			assertThat(body).startsWith("Daar vul je je eigen naam in; zie {question} hieronder. Kost $1.")
				.contains("> Wat vul ik in bij {text} en {name} op het formulier?")
				.contains("\nAnna\n");
		}
	}

}
