package nl.wegwijzer.helpdesk;

import java.time.Duration;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.ChatClient;
import nl.wegwijzer.StaffHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static nl.wegwijzer.StaffHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Staff answer an offline message by e-mail, sent through a real SMTP server that the test reads. */
@HandoffTest
class EmailReplyTests {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Autowired
	JavaMailSenderImpl mailSender;

	@BeforeEach
	void sendToTheTestsServer() {
		this.mailSender.setPort(smtp.getSmtp().getPort());
	}

	@Test
	void shouldSendTheAnswerWithTheQuestionQuotedAndRecordIt() throws Exception {
		StaffHttp anna = StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD);
		anna.postJson("/api/staff/presence", Map.of("available", false));
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			visitor.ask("Mag een gemeente penvoerder zijn?");
			visitor.ask("Ik wil een medewerker spreken");
			visitor.ask("sanne@example.nl");
			String id = conversationId(anna, visitor);
			assertThat(json(anna.get("/api/staff/conversations/" + id)).path("flagged").asBoolean()).isTrue();
			assertThat(ids(anna, "offline")).contains(id);
			this.clock.move(Duration.ofMinutes(30));

			JsonNode sent = json(anna.postJson("/api/staff/conversations/" + id + "/reply-by-email",
					Map.of("text", "Ja, een gemeente mag een aanvraag indienen.")));
			assertThat(sent.path("to").asString()).isEqualTo("sanne@example.nl");

			assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
			MimeMessage mail = smtp.getReceivedMessages()[0];
			assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("sanne@example.nl");
			assertThat(mail.getSubject()).isEqualTo("Je vraag aan de helpdesk van Erasmus+");
			String body = ((String) mail.getContent()).replace("\r\n", "\n");
			assertThat(body).startsWith("Ja, een gemeente mag een aanvraag indienen.")
				.contains("Anna")
				.contains("> Mag een gemeente penvoerder zijn?")
				.contains("> sanne@example.nl");
			assertThat(visitor.nothingWithin(200)).isTrue();

			JsonNode detail = json(anna.get("/api/staff/conversations/" + id));
			JsonNode last = detail.path("transcript").get(detail.path("transcript").size() - 1);
			assertThat(last.path("author").asString()).isEqualTo("EMAIL");
			assertThat(last.path("reply").asString()).isEqualTo(body.strip());
			assertThat(last.path("agentName").asString()).isEqualTo("Anna");
			assertThat(detail.path("firstResponseSeconds").asLong()).isEqualTo(1800);

			// Answered: no longer an offline message waiting for an answer, in the status, the flag and the view.
			assertThat(detail.path("status").asString()).isEqualTo("BOT");
			assertThat(detail.path("flagged").asBoolean()).isFalse();
			assertThat(ids(anna, "offline")).doesNotContain(id);
			assertThat(ids(anna, "unassigned")).doesNotContain(id);
			anna.postJson("/api/staff/conversations/" + id + "/close", Map.of("reason", "answered"));
			visitor.expect("closed");
			anna.postJson("/api/staff/conversations/" + id + "/reopen", Map.of());
			assertThat(json(anna.get("/api/staff/conversations/" + id)).path("status").asString()).isEqualTo("BOT");
		}
	}

	@Test
	void shouldRefuseWithoutAnAddressAndSendNothing() throws Exception {
		StaffHttp anna = StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD);
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			String id = conversationId(anna, visitor);
			var response = anna.postJson("/api/staff/conversations/" + id + "/reply-by-email", Map.of("text", "Hallo"));
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(json(response).path("message").asString()).contains("geen e-mailadres");
			assertThat(smtp.getReceivedMessages()).isEmpty();
		}
	}

	private static java.util.List<String> ids(StaffHttp staff, String view) throws Exception {
		return json(staff.get("/api/staff/conversations?view=" + view)).valueStream()
			.map((c) -> c.path("id").asString())
			.toList();
	}

	static String conversationId(StaffHttp staff, ChatClient visitor) throws Exception {
		for (JsonNode conversation : json(staff.get("/api/staff/conversations"))) {
			if (conversation.path("sessionId").asString().equals(visitor.sessionId())) {
				return conversation.path("id").asString();
			}
		}
		throw new AssertionError("no conversation of session " + visitor.sessionId());
	}

}
