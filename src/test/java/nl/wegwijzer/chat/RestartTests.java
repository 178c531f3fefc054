package nl.wegwijzer.chat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.ChatClient;
import nl.wegwijzer.WegwijzerApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** A conversation outlives the server: stop it, start it again on the same database, and resume. */
class RestartTests {

	@TempDir
	Path data;

	@Test
	void shouldResumeStateAndHistoryAfterAServerRestart() throws Exception {
		String token;
		String sessionId;
		try (ConfigurableApplicationContext app = start()) {
			try (ChatClient visitor = ChatClient.chatting(port(app), "analytics")) {
				token = visitor.resumeToken();
				sessionId = visitor.sessionId();
				assertThat(visitor.ask("Waar moeten we de aanvraag indienen?").path("state").asString())
					.isEqualTo("ASK_IMPACT");
			}
		}
		try (ConfigurableApplicationContext app = start()) {
			try (ChatClient visitor = ChatClient.connect(port(app))) {
				visitor.send(Map.of("type", "resume", "resumeToken", token));
				JsonNode session = visitor.expect("session");
				assertThat(session.path("sessionId").asString()).isEqualTo(sessionId);
				assertThat(session.path("state").asString()).isEqualTo("ASK_IMPACT");
				assertThat(session.path("history")).hasSize(3);
				JsonNode routed = visitor.ask("vooral buitenschools, met jongeren");
				assertThat(routed.path("text").asString()).contains("Jeugd");
				assertThat(routed.path("state").asString()).isEqualTo("OPEN");
			}
		}
	}

	private ConfigurableApplicationContext start() {
		// Arguments, not default properties: application.yml would override those.
		return new SpringApplicationBuilder(WegwijzerApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:file:" + this.data.resolve("wegwijzer"));
	}

	private static int port(ConfigurableApplicationContext app) {
		return ((WebServerApplicationContext) app).getWebServer().getPort();
	}

}
