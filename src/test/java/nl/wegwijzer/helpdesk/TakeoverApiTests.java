package nl.wegwijzer.helpdesk;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.ChatClient;
import nl.wegwijzer.StaffHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static nl.wegwijzer.StaffHttp.json;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff member takes a live conversation over through the API and hands it back, as a real WebSocket
 * visitor sees it, while the inbox's event stream reports every change.
 */
@HelpdeskTest
class TakeoverApiTests {

	@LocalServerPort
	int port;

	@Autowired
	InboxEvents events;

	@Test
	void shouldSilenceTheBotWhileStaffAnswerAndResumeAfterRelease() throws Exception {
		StaffHttp staff = StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD);
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			String id = conversationId(staff, visitor.sessionId());

			HttpResponse<String> sent = staff.postJson("/api/staff/conversations/" + id + "/messages",
					Map.of("text", "Hoi, ik ben Anna. Waarmee kan ik helpen?"));
			assertThat(sent.statusCode()).isEqualTo(202);
			JsonNode joined = visitor.expect("agent");
			assertThat(joined.path("name").asString()).isEqualTo("Anna");
			assertThat(joined.path("text").asString()).contains("Anna").contains("neemt het gesprek over");
			JsonNode message = visitor.expect("agent");
			assertThat(message.path("name").asString()).isEqualTo("Anna");
			assertThat(message.path("text").asString()).isEqualTo("Hoi, ik ben Anna. Waarmee kan ik helpen?");

			visitor.message("Hoe lang duurt een project?");
			assertThat(visitor.nothingWithin(500)).as("the bot stays silent").isTrue();
			JsonNode detail = json(staff.get("/api/staff/conversations/" + id));
			assertThat(detail.path("status").asString()).isEqualTo("TAKEN_OVER");
			JsonNode last = detail.path("transcript").get(detail.path("transcript").size() - 1);
			assertThat(last.path("author").asString()).isEqualTo("VISITOR");
			assertThat(last.path("visitorText").asString()).isEqualTo("Hoe lang duurt een project?");

			assertThat(staff.postJson("/api/staff/conversations/" + id + "/messages", Map.of("text", "Twee of drie jaar."))
				.statusCode()).isEqualTo(202);
			assertThat(visitor.expect("agent").path("text").asString()).isEqualTo("Twee of drie jaar.");

			HttpResponse<String> released = staff.postJson("/api/staff/conversations/" + id + "/release", Map.of());
			assertThat(released.statusCode()).isEqualTo(204);
			assertThat(visitor.expect("agent").path("text").asString()).contains("verlaten");
			assertThat(visitor.expect("bot").path("state").asString()).isEqualTo("OPEN");
			assertThat(visitor.ask("Hoe lang duurt een project?").path("text").asString()).contains("2 of 3 jaar");

			JsonNode after = json(staff.get("/api/staff/conversations/" + id));
			assertThat(after.path("status").asString()).isEqualTo("BOT");
			assertThat(after.path("transcript")).extracting((t) -> t.path("author").asString())
				.containsExactly("BOT", "AGENT", "AGENT", "VISITOR", "AGENT", "AGENT", "BOT", "BOT");
			assertThat(after.path("transcript").get(1).path("agentName").asString()).isEqualTo("Anna");
		}
	}

	@Test
	void shouldSignAgentFramesWithTheNameOfWhoeverIsLoggedInThroughTheForm() throws Exception {
		StaffHttp bert = StaffHttp.loggedIn(this.port, "bert", HelpdeskTest.BERT_PASSWORD);
		bert.get("/api/staff/me");
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			String id = conversationId(bert, visitor.sessionId());
			HttpResponse<String> sent = bert.postJsonWithCsrf("/api/staff/conversations/" + id + "/messages",
					Map.of("text", "Goedemiddag!"));
			assertThat(sent.statusCode()).isEqualTo(202);
			assertThat(visitor.expect("agent").path("name").asString()).isEqualTo("Bert");
			assertThat(visitor.expect("agent").path("text").asString()).isEqualTo("Goedemiddag!");
			assertThat(bert.postJsonWithCsrf("/api/staff/conversations/" + id + "/release", Map.of()).statusCode())
				.isEqualTo(204);
			assertThat(visitor.expect("agent").path("name").asString()).isEqualTo("Bert");
			visitor.expect("bot");
		}
	}

	@Test
	void shouldStreamEveryChangeAsAConversationEvent() throws Exception {
		// As the inbox page listens: with the session of the form login.
		StaffHttp staff = StaffHttp.loggedIn(this.port, "staff", HelpdeskTest.PASSWORD);
		staff.get("/api/staff/me");
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		HttpRequest request = staff.request("/api/staff/events").header("Accept", "text/event-stream").GET().build();
		CompletableFuture<HttpResponse<Stream<String>>> stream = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try {
				HttpResponse<Stream<String>> response = staff.send(request, HttpResponse.BodyHandlers.ofLines());
				stream.complete(response);
				response.body().forEach(lines::add);
			}
			catch (Exception ex) {
				stream.completeExceptionally(ex);
			}
		}, "sse-reader");
		reader.setDaemon(true);
		reader.start();
		HttpResponse<Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying((t) -> assertThat(t).startsWith("text/event-stream"));
		assertThat(lines.poll(10, TimeUnit.SECONDS)).as("a comment as soon as the stream opens").startsWith(":");

		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			JsonNode created = nextEventFor(lines, visitor.sessionId());
			assertThat(created.path("status").asString()).isEqualTo("BOT");
			assertThat(created.path("id").asString()).isNotBlank();
			assertThat(created.path("online").isBoolean()).isTrue();

			visitor.ask("Hoe lang duurt een strategisch partnerschap?");
			JsonNode answered = nextEventWhere(lines, visitor.sessionId(), (e) -> e.path("turns").asLong() == 2);
			assertThat(answered.path("lastIntent").asString()).isEqualTo("duur");
			assertThat(answered.path("online").asBoolean()).isTrue();

			assertThat(staff.postJsonWithCsrf("/api/staff/conversations/" + answered.path("id").asString() + "/messages",
					Map.of("text", "Hoi")).statusCode()).isEqualTo(202);
			JsonNode taken = nextEventWhere(lines, visitor.sessionId(), (e) -> e.path("status").asString().equals("TAKEN_OVER"));
			assertThat(taken.path("turns").asLong()).isGreaterThanOrEqualTo(3);
		}
		finally {
			reader.interrupt();
			response.body().close();
		}
	}

	@Test
	void shouldForgetStreamsWhoseBrowserWentAway() throws Exception {
		// Streams that earlier tests closed are forgotten the same way: start from none.
		awaitNoStreams();
		StaffHttp staff = StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD);
		HttpResponse<Stream<String>> response = staff.send(
				staff.request("/api/staff/events").header("Accept", "text/event-stream").GET().build(),
				HttpResponse.BodyHandlers.ofLines());
		assertThat(response.body().findFirst()).hasValueSatisfying((line) -> assertThat(line).startsWith(":"));
		assertThat(this.events.subscribers()).isEqualTo(1);
		response.body().close();
		awaitNoStreams();
	}

	/** The server notices a vanished browser on its next write: every change is one, and so is a heartbeat. */
	private void awaitNoStreams() {
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
			if (this.events.subscribers() == 0) {
				return true;
			}
			try (ChatClient visitor = ChatClient.chatting(this.port)) {
				visitor.ask("Hoe lang duurt een project?");
			}
			this.events.heartbeat();
			return this.events.subscribers() == 0;
		});
	}

	private static String conversationId(StaffHttp staff, String sessionId) throws Exception {
		for (JsonNode conversation : json(staff.get("/api/staff/conversations"))) {
			if (conversation.path("sessionId").asString().equals(sessionId)) {
				return conversation.path("id").asString();
			}
		}
		throw new AssertionError("no conversation of session " + sessionId);
	}

	private static JsonNode nextEventFor(BlockingQueue<String> lines, String sessionId) throws Exception {
		return nextEventWhere(lines, sessionId, (e) -> true);
	}

	/** Reads the stream until a {@code conversation} event of this session matches; fails after 10 s. */
	private static JsonNode nextEventWhere(BlockingQueue<String> lines, String sessionId,
			Predicate<JsonNode> matches) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		String event = null;
		while (System.nanoTime() < deadline) {
			String line = lines.poll(100, TimeUnit.MILLISECONDS);
			if (line == null) {
				continue;
			}
			if (line.startsWith("event:")) {
				event = line.substring("event:".length()).strip();
			}
			else if (line.startsWith("data:") && InboxEvents.EVENT.equals(event)) {
				JsonNode data = StaffHttp.JSON.readTree(line.substring("data:".length()));
				if (data.path("sessionId").asString().equals(sessionId) && matches.test(data)) {
					return data;
				}
			}
			else if (line.isEmpty()) {
				event = null;
			}
		}
		throw new AssertionError("no matching conversation event for session " + sessionId + " within 10 s");
	}

}
