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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.ChatClient;
import nl.wegwijzer.Postgres;
import nl.wegwijzer.StaffHttp;
import nl.wegwijzer.WegwijzerApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static nl.wegwijzer.StaffHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the whole application on one PostgreSQL server, as behind a load balancer without
 * sticky sessions: a visitor chats with instance A while a staff member works on instance B, and each
 * hears of the other live. PostgreSQL refuses to run as root; {@code .ci/run} runs the tests as an
 * ordinary user.
 */
class ClusterTests {

	private static final String ADDRESS = "198.51.100.23";

	private static String database;

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	@BeforeAll
	static void start() throws Exception {
		database = Postgres.newDatabase();
		a = instance(database);
		b = instance(database);
	}

	private static ConfigurableApplicationContext instance(String url) {
		return new SpringApplicationBuilder(WegwijzerApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--wegwijzer.staff.password=" + HelpdeskTest.PASSWORD, "--wegwijzer.staff.name=Anna",
				"--wegwijzer.retention.cron=-", "--wegwijzer.limits.trusted-proxies=127.0.0.1");
	}

	private static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	@AfterAll
	static void stop() throws Exception {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
	}

	@Test
	void shouldLetStaffOnOneInstanceTakeOverAVisitorOnTheOtherWithEventsArrivingLive() throws Exception {
		StaffHttp staff = StaffHttp.loggedIn(port(b), "staff", HelpdeskTest.PASSWORD);
		staff.get("/api/staff/me");
		try (Events events = Events.open(staff); ChatClient visitor = ChatClient.chatting(port(a))) {
			JsonNode created = events.next("conversation", (e) -> e.path("sessionId").asString().equals(visitor.sessionId()));
			String id = created.path("id").asString();

			visitor.ask("Hoe lang duurt een strategisch partnerschap?");
			events.next("conversation", (e) -> e.path("id").asString().equals(id) && e.path("turns").asLong() == 2);

			visitor.send(Map.of("type", "typing"));
			events.next("typing", (e) -> e.path("conversationId").asString().equals(id));

			assertThat(staff.postJsonWithCsrf("/api/staff/conversations/" + id + "/messages",
					Map.of("text", "Hoi, ik ben Anna.")).statusCode()).isEqualTo(202);
			assertThat(visitor.expect("agent").path("text").asString()).contains("Anna");
			assertThat(visitor.expect("agent").path("text").asString()).isEqualTo("Hoi, ik ben Anna.");
			events.next("conversation", (e) -> e.path("id").asString().equals(id)
					&& e.path("status").asString().equals("TAKEN_OVER"));

			assertThat(staff.postJsonWithCsrf("/api/staff/conversations/" + id + "/typing", Map.of()).statusCode())
				.isEqualTo(204);
			assertThat(visitor.expect("typing").path("name").asString()).isEqualTo("Anna");

			// Instance A must know the conversation is taken over, though instance B took it.
			visitor.message("Hoe lang duurt een project?");
			assertThat(visitor.nothingWithin(500)).as("the bot stays silent").isTrue();
			events.next("conversation", (e) -> e.path("id").asString().equals(id) && e.path("turns").asLong() >= 5);

			assertThat(staff.postJsonWithCsrf("/api/staff/conversations/" + id + "/release", Map.of()).statusCode())
				.isEqualTo(204);
			assertThat(visitor.expect("agent").path("text").asString()).contains("verlaten");
			assertThat(visitor.expect("bot").path("state").asString()).isEqualTo("OPEN");
			assertThat(visitor.ask("Hoe lang duurt een project?").path("text").asString()).contains("2 of 3 jaar");

			JsonNode detail = json(staff.get("/api/staff/conversations/" + id));
			assertThat(detail.path("status").asString()).isEqualTo("BOT");
			assertThat(detail.path("transcript")).extracting((t) -> t.path("author").asString())
				.containsExactly("BOT", "BOT", "AGENT", "AGENT", "VISITOR", "AGENT", "BOT", "BOT");

			visitor.send(Map.of("type", "erase"));
			visitor.expect("erased");
			events.next("erased", (e) -> e.path("conversationId").asString().equals(id));
			HttpResponse<String> audit = staff.get("/api/staff/audit?conversation=" + id);
			assertThat(json(audit)).filteredOn((e) -> e.path("action").asString().equals("erase"))
				.as("the visitor's erasure is recorded once, not by every instance")
				.hasSize(1);
		}
	}

	@Test
	void shouldShowAVisitorConnectedToTheOtherInstanceAsOnline() throws Exception {
		StaffHttp onB = StaffHttp.basic(port(b), "staff", HelpdeskTest.PASSWORD);
		String id;
		try (ChatClient visitor = ChatClient.chatting(port(a))) {
			visitor.ask("Hoe lang duurt een strategisch partnerschap?");
			JsonNode summary = json(onB.get("/api/staff/conversations")).valueStream()
				.filter((c) -> c.path("sessionId").asString().equals(visitor.sessionId()))
				.findFirst()
				.orElseThrow();
			id = summary.path("id").asString();
			assertThat(summary.path("online").asBoolean()).as("in B's inbox").isTrue();
			assertThat(json(onB.get("/api/staff/conversations/" + id)).path("online").asBoolean()).isTrue();
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !json(onB.get("/api/staff/conversations/" + id)).path("online").asBoolean());
	}

	@Test
	void shouldCountPresenceOnEveryInstance() throws Exception {
		StaffHttp onB = StaffHttp.basic(port(b), "staff", HelpdeskTest.PASSWORD);
		StaffHttp onA = StaffHttp.basic(port(a), "staff", HelpdeskTest.PASSWORD);
		assertThat(onB.postJson("/api/staff/presence", Map.of("available", true)).statusCode()).isEqualTo(200);
		assertThat(json(onA.get("/api/staff/presence")).path("available").asInt()).isEqualTo(1);
		assertThat(onA.postJson("/api/staff/presence", Map.of("available", false)).statusCode()).isEqualTo(200);
		assertThat(json(onB.get("/api/staff/presence")).path("available").asInt()).isZero();
	}

	@Test
	void shouldKnowAStaffLoginOnEveryInstance() throws Exception {
		StaffHttp onA = StaffHttp.loggedIn(port(a), "staff", HelpdeskTest.PASSWORD);
		StaffHttp onB = onA.on(port(b));

		assertThat(json(onB.get("/api/staff/me")).path("username").asString()).isEqualTo("staff");
		assertThat(onB.postJsonWithCsrf("/api/staff/presence", Map.of("available", false)).statusCode())
			.as("the CSRF token of the session made on A").isEqualTo(200);
		assertThat(onA.postForm("/staff/logout", Map.of("_csrf", onA.csrfToken())).statusCode()).isEqualTo(302);
		assertThat(onB.get("/api/staff/me").statusCode()).as("logged out on A is logged out on B").isEqualTo(401);
	}

	@Test
	void shouldEndEveryStaffSessionWhenAnInstanceStarts() throws Exception {
		StaffHttp onA = StaffHttp.loggedIn(port(a), "staff", HelpdeskTest.PASSWORD);
		assertThat(onA.get("/api/staff/me").statusCode()).isEqualTo(200);

		// A password changes in configuration, which takes a restart: no session outlives it.
		try (ConfigurableApplicationContext restarted = instance(database)) {
			assertThat(onA.get("/api/staff/me").statusCode()).isEqualTo(401);
			assertThat(StaffHttp.loggedIn(port(restarted), "staff", HelpdeskTest.PASSWORD).on(port(a))
				.get("/api/staff/me")
				.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void shouldHoldUpFailedLoginsOnEveryInstance() throws Exception {
		for (int i = 0; i < LoginAttempts.FREE_FAILURES; i++) {
			ConfigurableApplicationContext instance = (i % 2 == 0) ? a : b;
			assertThat(StaffHttp.basic(port(instance), "staff", "fout-" + i).from(ADDRESS).get("/api/staff/me").statusCode())
				.isEqualTo(401);
		}
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { a, b }) {
			assertThat(StaffHttp.basic(port(instance), "staff", HelpdeskTest.PASSWORD)
				.from(ADDRESS)
				.get("/api/staff/me")
				.statusCode()).as("even the right password is refused").isEqualTo(429);
		}
	}

	/** The staff inbox's event stream, read line by line on a thread of its own. */
	private static final class Events implements AutoCloseable {

		private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

		private final Thread reader;

		private final HttpResponse<Stream<String>> response;

		private Events(StaffHttp staff) throws Exception {
			HttpRequest request = staff.request("/api/staff/events").header("Accept", "text/event-stream").GET().build();
			CompletableFuture<HttpResponse<Stream<String>>> opened = new CompletableFuture<>();
			this.reader = new Thread(() -> {
				try {
					HttpResponse<Stream<String>> response = staff.send(request, HttpResponse.BodyHandlers.ofLines());
					opened.complete(response);
					response.body().forEach(this.lines::add);
				}
				catch (Exception ex) {
					opened.completeExceptionally(ex);
				}
			}, "sse-reader");
			this.reader.setDaemon(true);
			this.reader.start();
			this.response = opened.get(10, TimeUnit.SECONDS);
			assertThat(this.response.statusCode()).isEqualTo(200);
			assertThat(this.lines.poll(10, TimeUnit.SECONDS)).as("a comment as soon as the stream opens").startsWith(":");
		}

		static Events open(StaffHttp staff) throws Exception {
			return new Events(staff);
		}

		/** Reads on until an event of this name whose data matches; fails after 10 s. */
		JsonNode next(String name, Predicate<JsonNode> matches) {
			JsonNode[] found = new JsonNode[1];
			String[] event = new String[1];
			await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
				String line = this.lines.poll(100, TimeUnit.MILLISECONDS);
				if (line == null) {
					return false;
				}
				if (line.startsWith("event:")) {
					event[0] = line.substring("event:".length()).strip();
				}
				else if (line.startsWith("data:") && name.equals(event[0])) {
					JsonNode data = StaffHttp.JSON.readTree(line.substring("data:".length()));
					if (matches.test(data)) {
						found[0] = data;
						return true;
					}
				}
				else if (line.isEmpty()) {
					event[0] = null;
				}
				return false;
			});
			return found[0];
		}

		@Override
		public void close() {
			this.reader.interrupt();
			this.response.body().close();
		}

	}

}
