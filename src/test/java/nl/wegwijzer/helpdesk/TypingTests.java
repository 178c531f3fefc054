package nl.wegwijzer.helpdesk;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.ChatClient;
import nl.wegwijzer.StaffHttp;
import nl.wegwijzer.chat.VisitorTyping;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Typing indicators both ways, each limited to one every two seconds, never at the cost of messages. */
@HandoffTest
class TypingTests {

	@LocalServerPort
	int port;

	@Autowired
	HandoffTest.TypingEvents typing;

	@Test
	void shouldPassTheVisitorsTypingOnOnceAndKeepTheirMessages() throws Exception {
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			String id = EmailReplyTests.conversationId(StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD), visitor);
			this.typing.received.clear();
			for (int i = 0; i < 30; i++) {
				visitor.send(Map.of("type", "typing"));
			}
			VisitorTyping first = this.typing.received.poll(10, TimeUnit.SECONDS);
			assertThat(first).isNotNull();
			assertThat(first.conversationId()).isEqualTo(id);
			// The burst of five messages is still there: typing used none of it.
			for (int i = 0; i < 5; i++) {
				assertThat(visitor.ask("Hoe lang duurt een project?").path("text").asString()).contains("2 of 3 jaar");
			}
			assertThat(this.typing.received).as("the other 29 were dropped").isEmpty();
		}
	}

	@Test
	void shouldTellTheVisitorWhoIsTypingOnceEveryTwoSeconds() throws Exception {
		StaffHttp anna = StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD);
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			String id = EmailReplyTests.conversationId(anna, visitor);
			assertThat(anna.postJson("/api/staff/conversations/" + id + "/messages", Map.of("text", "Hoi!")).statusCode())
				.isEqualTo(202);
			visitor.expect("agent");
			visitor.expect("agent");
			for (int i = 0; i < 5; i++) {
				assertThat(anna.postJson("/api/staff/conversations/" + id + "/typing", Map.of()).statusCode()).isEqualTo(204);
			}
			JsonNode frame = visitor.expect("typing");
			assertThat(frame.path("name").asString()).isEqualTo("Anna");
			assertThat(visitor.nothingWithin(300)).isTrue();
		}
		assertThat(anna.postJson("/api/staff/conversations/nope/typing", Map.of()).statusCode()).isEqualTo(404);
	}

	@Test
	void shouldNotTellTheVisitorOfTypingWhileTheBotAnswers() throws Exception {
		StaffHttp anna = StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD);
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			String id = EmailReplyTests.conversationId(anna, visitor);
			assertThat(anna.postJson("/api/staff/conversations/" + id + "/typing", Map.of()).statusCode()).isEqualTo(204);
			assertThat(visitor.nothingWithin(300)).as("nobody has taken the conversation over").isTrue();
		}
	}

}
