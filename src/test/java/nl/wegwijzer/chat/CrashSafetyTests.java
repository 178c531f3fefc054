package nl.wegwijzer.chat;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.ChatClient;
import nl.wegwijzer.WegwijzerApplication;
import nl.wegwijzer.system.H2Credentials;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the server process mid-conversation (SIGKILL, no graceful stop) and shows that every consent
 * and every answered turn the visitor saw is on disk, and that the visitor can resume.
 */
class CrashSafetyTests {

	/**
	 * The visitor's connection is closed after the kill, writing to a dead socket: Tomcat's WebSocket client
	 * logs that with a stack trace, which says nothing here. Held here, as the logging keeps loggers weakly.
	 */
	private static final Logger TOMCAT_CLIENT = Logger.getLogger("org.apache.tomcat.websocket");

	@TempDir
	Path data;

	@BeforeAll
	static void quietClient() {
		TOMCAT_CLIENT.setLevel(Level.OFF);
	}

	@AfterAll
	static void restoreClient() {
		TOMCAT_CLIENT.setLevel(null);
	}

	private Process server;

	@Test
	void shouldLoseNothingAcknowledgedWhenTheServerIsKilled() throws Exception {
		int port = freePort();
		this.server = start(port);
		String token;
		List<String> answered = new ArrayList<>();
		try (ChatClient visitor = ChatClient.connect(port)) {
			visitor.expect("consent_request");
			visitor.consent("analytics");
			token = visitor.expect("session").path("resumeToken").asString();
			answered.add(visitor.expect("bot").path("text").asString());
			for (String question : List.of("Hoe lang duurt een project?", "Hoeveel partners zijn nodig?",
					"Waar vraag ik subsidie aan?")) {
				answered.add(visitor.ask(question).path("text").asString());
			}
			visitor.message("Wie dient de aanvraag in?");
			this.server.destroyForcibly().waitFor();
		}

		// The server generated the database's credentials and keeps them next to it.
		Properties credentials = new Properties();
		try (Reader in = Files.newBufferedReader(this.data.resolve("wegwijzer" + H2Credentials.SUFFIX))) {
			credentials.load(in);
		}
		try (Connection db = DriverManager.getConnection(url(), credentials.getProperty("username"),
				credentials.getProperty("password"));
				Statement query = db.createStatement()) {
			ResultSet consents = query.executeQuery("select count(*) from consent_record");
			consents.next();
			assertThat(consents.getInt(1)).isEqualTo(1);
			List<String> stored = new ArrayList<>();
			ResultSet turns = query.executeQuery("select reply from turn order by id");
			while (turns.next()) {
				stored.add(turns.getString(1));
			}
			assertThat(stored).containsSubsequence(answered);
		}

		this.server = start(port);
		try (ChatClient visitor = ChatClient.connect(port)) {
			visitor.send(Map.of("type", "resume", "resumeToken", token));
			JsonNode history = visitor.expect("session").path("history");
			List<String> replies = new ArrayList<>();
			history.forEach((item) -> {
				if (item.path("from").asString().equals("bot")) {
					replies.add(item.path("text").asString());
				}
			});
			assertThat(replies).containsSubsequence(answered);
			assertThat(visitor.ask("Kan het project verlengd worden?").path("text").asString()).contains("6 maanden");
		}
	}

	@AfterEach
	void stop() throws InterruptedException {
		if (this.server != null) {
			this.server.destroyForcibly().waitFor();
		}
	}

	private String url() {
		return "jdbc:h2:file:" + this.data.resolve("wegwijzer") + ";WRITE_DELAY=0";
	}

	/** Starts the app in its own JVM and waits until it accepts connections. */
	private Process start(int port) throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				WegwijzerApplication.class.getName(), "--server.port=" + port, "--spring.datasource.url=" + url(),
				// The first start trains the model: with a fifth of the iterations, in a fifth of the time.
				"--wegwijzer.nlu.iterations=100")
			.redirectErrorStream(true)
			.redirectOutput(this.data.resolve("server-" + Instant.now().toEpochMilli() + ".log").toFile())
			.start();
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
			assertThat(process.isAlive()).as("the server process is running").isTrue();
			try (Socket probe = new Socket("localhost", port)) {
				return true;
			}
			catch (IOException notYet) {
				return false;
			}
		});
		return process;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
