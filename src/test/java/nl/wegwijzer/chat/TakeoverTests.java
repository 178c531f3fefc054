package nl.wegwijzer.chat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.ChatClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A staff member takes a live conversation over and hands it back, seen by a real WebSocket visitor. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:protocol;DB_CLOSE_DELAY=-1", "wegwijzer.limits.burst=100" })
class TakeoverTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffActions staff;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldSilenceTheBotWhileStaffHaveTakenOverAndResumeAfterRelease() throws Exception {
		try (ChatClient visitor = ChatClient.connect(this.port)) {
			visitor.expect("consent_request");
			visitor.consent();
			String sessionId = visitor.expect("session").path("sessionId").asString();
			visitor.expect("bot");
			String conversationId = this.jdbc.sql("select id from conversation where session_id = ?")
				.param(sessionId)
				.query(String.class)
				.single();

			this.staff.agentMessage(conversationId, "anna", "Anna", "Hoi, ik ben Anna. Waarmee kan ik helpen?");
			JsonNode joined = visitor.expect("agent");
			assertThat(joined.path("name").asString()).isEqualTo("Anna");
			assertThat(joined.path("label").asString()).isEqualTo("Anna van de helpdesk");
			assertThat(joined.path("text").asString()).contains("neemt het gesprek over");
			assertThat(visitor.expect("agent").path("text").asString()).startsWith("Hoi, ik ben Anna");

			visitor.message("Hoe lang duurt een project?");
			assertThat(visitor.nothingWithin(500)).as("the bot stays silent").isTrue();

			this.staff.release(conversationId, "Anna");
			assertThat(visitor.expect("agent").path("text").asString()).contains("verlaten");
			assertThat(visitor.expect("bot").path("state").asString()).isEqualTo("OPEN");
			assertThat(visitor.ask("Hoe lang duurt een project?").path("text").asString()).contains("2 of 3 jaar");

			assertThat(this.jdbc.sql("select author from turn where conversation_id = ? order by id")
				.param(conversationId)
				.query(String.class)
				.list()).containsExactly("BOT", "AGENT", "AGENT", "VISITOR", "AGENT", "BOT", "BOT");
		}
	}

	@Test
	void shouldNameTheStaffMemberAsThePageShowsThem() throws Exception {
		try (ChatClient visitor = ChatClient.connect(this.port)) {
			visitor.expect("consent_request");
			visitor.consent();
			JsonNode session = visitor.expect("session");
			visitor.expect("bot");
			String conversationId = this.jdbc.sql("select id from conversation where session_id = ?")
				.param(session.path("sessionId").asString())
				.query(String.class)
				.single();

			// A display name that is only the helpdesk's own is no name of a person.
			this.staff.agentMessage(conversationId, "staff", "Helpdesk", "Waarmee kan ik helpen?");
			assertThat(visitor.expect("agent").path("label").asString()).isEqualTo("Helpdesk");
			assertThat(visitor.expect("agent").path("label").asString()).isEqualTo("Helpdesk");
			// Typing reaches the visitor once staff have taken over.
			this.staff.typing(conversationId, "Anna");
			assertThat(visitor.expect("typing").path("label").asString()).isEqualTo("Anna van de helpdesk");

			try (ChatClient again = ChatClient.connect(this.port)) {
				again.send(java.util.Map.of("type", "resume", "resumeToken", session.path("resumeToken").asString()));
				JsonNode history = again.expect("session").path("history");
				assertThat(history.valueStream()
					.filter((item) -> item.path("from").asString().equals("agent"))
					.map((item) -> item.path("label").asString())
					.toList()).containsExactly("Helpdesk", "Helpdesk");
				assertThat(history.get(0).has("label")).as("only staff messages have a label").isFalse();
			}
		}
	}

}
