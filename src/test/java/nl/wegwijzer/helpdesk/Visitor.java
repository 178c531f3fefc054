package nl.wegwijzer.helpdesk;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real WebSocket visitor of the chat, for the helpdesk's end-to-end tests (the minimal part of the
 * chat tests' {@code ChatClient}): waits for frames and fails on a timeout.
 */
final class Visitor implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();

	private final WebSocketSession session;

	/** The version of the policy last shown, which a consent names, as the chat page does. */
	private volatile String policyVersion;

	final String sessionId;

	private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();

	private Visitor(int port, String... categories) throws Exception {
		WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
		headers.add("User-Agent", "Visitor/1.0 (helpdesk test)");
		this.session = new StandardWebSocketClient().execute(new TextWebSocketHandler() {
			@Override
			protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
				JsonNode frame = JSON.readTree(message.getPayload());
				remember(frame);
				Visitor.this.frames.add(frame);
			}

			@Override
			public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
				Visitor.this.closed.complete(status);
			}
		}, headers, URI.create("ws://localhost:" + port + "/ws/chat")).get(10, TimeUnit.SECONDS);
		expect("consent_request");
		consent(categories);
		this.sessionId = expect("session").path("sessionId").asString();
		expect("bot");
	}

	/** Connects, consents to the given cookie categories and reads the greeting. */
	static Visitor chatting(int port, String... categories) throws Exception {
		return new Visitor(port, categories);
	}

	void send(Object frame) throws IOException {
		this.session.sendMessage(new TextMessage(JSON.writeValueAsString(frame)));
	}

	/** Sends a cookie choice on the policy version last shown. */
	void consent(String... categories) throws IOException {
		send(Map.of("type", "consent", "policyVersion", this.policyVersion, "categories", List.of(categories)));
	}

	void message(String text) throws IOException {
		send(Map.of("type", "message", "text", text));
	}

	/** Sends a message and returns the bot's reply. */
	JsonNode ask(String text) throws Exception {
		message(text);
		return expect("bot");
	}

	JsonNode expect(String type) throws InterruptedException {
		JsonNode frame = this.frames.poll(10, TimeUnit.SECONDS);
		assertThat(frame).as("a %s frame within 10 s", type).isNotNull();
		assertThat(frame.path("type").asString()).as("type of %s", frame).isEqualTo(type);
		return frame;
	}

	/** Skips the staff member's joining notice (also an agent frame) up to the given text. */
	JsonNode expectAgentSaying(String text) throws InterruptedException {
		for (int i = 0; i < 5; i++) {
			JsonNode frame = expect("agent");
			if (frame.path("text").asString().equals(text)) {
				return frame;
			}
		}
		throw new AssertionError("no agent frame saying: " + text);
	}

	/** How the server closed the connection, waiting for it up to 10 s. */
	CloseStatus closedByServer() throws Exception {
		return this.closed.get(10, TimeUnit.SECONDS);
	}

	boolean nothingWithin(long millis) throws InterruptedException {
		return this.frames.poll(millis, TimeUnit.MILLISECONDS) == null;
	}

	private void remember(JsonNode frame) {
		JsonNode shown = "session".equals(frame.path("type").asString()) ? frame.path("consent") : frame;
		if (shown.path("policyVersion").isString()) {
			this.policyVersion = shown.path("policyVersion").asString();
		}
	}

	@Override
	public void close() throws IOException {
		if (this.session.isOpen()) {
			this.session.close();
		}
	}

}
