package nl.wegwijzer;

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
 * The tests' real WebSocket visitor, for every feature's tests: sends frames and waits for the next one,
 * failing on a timeout.
 */
public final class ChatClient implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();

	private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();

	private final WebSocketSession session;

	/** The version of the policy last shown, which a consent names, as the chat page does. */
	private volatile String policyVersion;

	/** The session of the last {@code session} frame, or {@code null} before one. */
	private volatile String sessionId;

	/** The resume token of the last {@code session} frame that gave one, or {@code null} before one. */
	private volatile String resumeToken;

	private ChatClient(URI uri, String origin, String forwardedFor) throws Exception {
		WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
		headers.add("User-Agent", "ChatClient/1.0 (test)");
		if (origin != null) {
			headers.setOrigin(origin);
		}
		if (forwardedFor != null) {
			headers.add("X-Forwarded-For", forwardedFor);
		}
		StandardWebSocketClient client = new StandardWebSocketClient();
		this.session = client.execute(new TextWebSocketHandler() {
			@Override
			protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
				JsonNode frame = JSON.readTree(message.getPayload());
				remember(frame);
				ChatClient.this.frames.add(frame);
			}

			@Override
			public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
				ChatClient.this.closed.complete(status);
			}
		}, headers, uri).get(10, TimeUnit.SECONDS);
		this.session.setTextMessageSizeLimit(1024 * 1024);
	}

	public static ChatClient connect(int port) throws Exception {
		return connect(port, null);
	}

	/** Connects as a browser page from {@code origin} would. */
	public static ChatClient connect(int port, String origin) throws Exception {
		return new ChatClient(URI.create("ws://localhost:" + port + "/ws/chat"), origin, null);
	}

	/** Connects as if from {@code address}, behind a proxy the server trusts. */
	public static ChatClient connectFrom(int port, String address) throws Exception {
		return new ChatClient(URI.create("ws://localhost:" + port + "/ws/chat"), null, address);
	}

	public boolean isOpen() {
		return this.session.isOpen();
	}

	/** Connects and gives consent; returns the client with the session frame read and the greeting waiting. */
	public static ChatClient inSession(int port, String... categories) throws Exception {
		ChatClient client = connect(port);
		client.expect("consent_request");
		client.consent(categories);
		client.expect("session");
		return client;
	}

	public void send(String raw) throws IOException {
		this.session.sendMessage(new TextMessage(raw));
	}

	public void send(Object frame) throws IOException {
		send(JSON.writeValueAsString(frame));
	}

	public void consent(String... categories) throws IOException {
		send(Map.of("type", "consent", "policyVersion", this.policyVersion, "categories", List.of(categories)));
	}

	public String policyVersion() {
		return this.policyVersion;
	}

	public void message(String text) throws IOException {
		send(Map.of("type", "message", "text", text));
	}

	public JsonNode next() throws InterruptedException {
		JsonNode frame = this.frames.poll(10, TimeUnit.SECONDS);
		assertThat(frame).as("a frame within 10 s").isNotNull();
		return frame;
	}

	public JsonNode expect(String type) throws InterruptedException {
		JsonNode frame = next();
		assertThat(frame.path("type").asString()).as("type of %s", frame).isEqualTo(type);
		return frame;
	}

	/** Sends a message and returns the bot's reply. */
	public JsonNode ask(String text) throws Exception {
		message(text);
		return expect("bot");
	}

	public boolean nothingWithin(long millis) throws InterruptedException {
		return this.frames.poll(millis, TimeUnit.MILLISECONDS) == null;
	}

	public CloseStatus awaitClose() throws Exception {
		return this.closed.get(10, TimeUnit.SECONDS);
	}

	/** Connects, consents to the given cookie categories and reads the greeting. */
	public static ChatClient chatting(int port, String... categories) throws Exception {
		ChatClient client = inSession(port, categories);
		client.expect("bot");
		return client;
	}

	public String sessionId() {
		return this.sessionId;
	}

	public String resumeToken() {
		return this.resumeToken;
	}

	/** Skips the staff member's joining notice (also an agent frame) up to the given text. */
	public JsonNode expectAgentSaying(String text) throws InterruptedException {
		for (int i = 0; i < 5; i++) {
			JsonNode frame = expect("agent");
			if (frame.path("text").asString().equals(text)) {
				return frame;
			}
		}
		throw new AssertionError("no agent frame saying: " + text);
	}

	private void remember(JsonNode frame) {
		if ("session".equals(frame.path("type").asString()) && frame.path("sessionId").isString()) {
			this.sessionId = frame.path("sessionId").asString();
		}
		if ("session".equals(frame.path("type").asString()) && frame.path("resumeToken").isString()) {
			this.resumeToken = frame.path("resumeToken").asString();
		}
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
