package nl.wegwijzer.helpdesk;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.ChatClient;
import nl.wegwijzer.StaffHttp;
import nl.wegwijzer.chat.StaffActions;
import nl.wegwijzer.chat.WaitingWatch;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static nl.wegwijzer.StaffHttp.json;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor asks for a person, as a real WebSocket visitor, while staff are or are not available: the
 * queue with its place and estimate, small talk that stays in it, "laat maar", the honest answer when
 * nobody can come, an e-mail address left in the chat, and a wait that is never left unanswered.
 */
@HandoffTest
class HandoffApiTests {

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Autowired
	StaffActions actions;

	@Autowired
	WaitingWatch watch;

	StaffHttp anna;

	StaffHttp bert;

	@BeforeEach
	void nobodyWaitsAndNobodyIsAvailable() throws Exception {
		this.clock.set(HandoffTest.START);
		this.anna = StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD);
		this.bert = StaffHttp.basic(this.port, "bert", HelpdeskTest.BERT_PASSWORD);
		for (JsonNode waiting : json(this.anna.get("/api/staff/conversations?view=waiting"))) {
			this.actions.close(waiting.path("id").asString(), "other");
		}
		presence(this.anna, false);
		presence(this.bert, false);
	}

	@Test
	void shouldSayAtOnceWhenNobodyIsAvailableAndTakeAnEmailAddressInsideASentence() throws Exception {
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			JsonNode reply = visitor.ask("Ik wil een medewerker spreken");
			assertThat(reply.path("text").asString()).contains("niemand van de helpdesk bereikbaar")
				.contains("e-mailadres")
				.contains("90 dagen")
				.doesNotContain("zo snel mogelijk");
			String id = conversationId(visitor);
			assertThat(json(this.anna.get("/api/staff/conversations/" + id)).path("status").asString()).isEqualTo("BOT");

			JsonNode confirmed = visitor.ask("Wij willen weten of een stichting mag aanvragen, mail naar Sanne.Jansen@Example.NL graag");
			assertThat(confirmed.path("text").asString()).contains("Sanne.Jansen@example.nl");
			JsonNode detail = json(this.anna.get("/api/staff/conversations/" + id));
			assertThat(detail.path("status").asString()).isEqualTo("OFFLINE_MESSAGE");
			assertThat(detail.path("email").asString()).isEqualTo("Sanne.Jansen@example.nl");
			assertThat(detail.path("flagged").asBoolean()).isTrue();
			assertThat(ids(this.anna.get("/api/staff/conversations?view=offline"))).contains(id);
			assertThat(ids(this.anna.get("/api/staff/conversations?view=unassigned"))).contains(id);
		}
	}

	@Test
	void shouldAnswerAQuestionThatMentionsAnAddressWhenNoAddressWasAskedFor() throws Exception {
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			JsonNode reply = visitor.ask("Hoe lang duurt een project? Ik mailde al naar info@erasmusplus.nl");
			assertThat(reply.path("text").asString()).contains("2 of 3 jaar").doesNotContain("info@erasmusplus.nl");
			String id = conversationId(visitor);
			JsonNode detail = json(this.anna.get("/api/staff/conversations/" + id));
			assertThat(detail.path("status").asString()).isEqualTo("BOT");
			assertThat(detail.path("email").isNull()).isTrue();

			presence(this.anna, true);
			visitor.ask("Ik wil een medewerker spreken");
			visitor.ask("Ik mailde al naar info@erasmusplus.nl, hoe lang duurt een project?");
			assertThat(json(this.anna.get("/api/staff/conversations/" + id)).path("status").asString())
				.as("waiting for a colleague who can come: no address was asked for").isEqualTo("WAITING");
		}
	}

	@Test
	void shouldSayNobodyIsThereOutsideOfficeHoursEvenWhenSomeoneIsAvailable() throws Exception {
		presence(this.anna, true);
		this.clock.set(Instant.parse("2026-12-02T19:30:00Z"));
		presence(this.anna, true);
		JsonNode status = json(this.anna.get("/api/staff/presence"));
		assertThat(status.path("available").asInt()).isEqualTo(1);
		assertThat(status.path("officeHours").asBoolean()).isFalse();
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			assertThat(visitor.ask("Ik wil een medewerker spreken").path("text").asString())
				.contains("niemand van de helpdesk bereikbaar");
		}
		this.clock.set(Instant.parse("2026-12-25T10:00:00Z"));
		presence(this.anna, true);
		assertThat(json(this.anna.get("/api/staff/presence")).path("officeHours").asBoolean()).as("Christmas").isFalse();
	}

	@Test
	void shouldLetAvailabilityLapseWithoutAHeartbeat() throws Exception {
		presence(this.anna, true);
		presence(this.bert, true);
		assertThat(json(this.anna.get("/api/staff/presence")).path("available").asInt()).isEqualTo(2);
		this.clock.move(Duration.ofSeconds(60));
		presence(this.bert, true);
		this.clock.move(Duration.ofSeconds(31));
		assertThat(json(this.anna.get("/api/staff/presence")).path("available").asInt()).as("Anna lapsed").isEqualTo(1);
		presence(this.bert, false);
		assertThat(json(this.anna.get("/api/staff/presence")).path("available").asInt()).isZero();
		assertThat(this.anna.postJson("/api/staff/presence", Map.of("beschikbaar", true)).statusCode()).isEqualTo(400);
	}

	@Test
	void shouldQueueWithPlaceAndEstimateAndKeepSmallTalkInTheQueue() throws Exception {
		// Four weeks on, a Wednesday: no first responses of other tests in the week the estimate looks at.
		this.clock.set(HandoffTest.START.plus(Duration.ofDays(28)));
		presence(this.anna, true);
		try (ChatClient first = ChatClient.chatting(this.port); ChatClient second = ChatClient.chatting(this.port)) {
			assertThat(first.ask("Ik wil een medewerker spreken").path("text").asString())
				.contains("als eerste aan de beurt")
				.contains("niet goed inschatten")
				.contains("laat maar");
			this.clock.move(Duration.ofSeconds(1));
			assertThat(second.ask("Kan ik iemand spreken van de helpdesk?").path("text").asString())
				.contains("Er is nog 1 bezoeker voor je");
			String firstId = conversationId(first);
			assertThat(json(this.anna.get("/api/staff/conversations/" + firstId)).path("status").asString())
				.isEqualTo("WAITING");

			for (String smallTalk : new String[] { "hallo?", "Is er iemand?", "hallo" }) {
				JsonNode reply = first.ask(smallTalk);
				assertThat(reply.path("text").asString()).as(smallTalk).contains("nog in de rij").contains("als eerste");
				assertThat(reply.path("state").asString()).isEqualTo("HANDOFF");
			}
			assertThat(first.ask("Hoe lang duurt een project?").path("text").asString()).contains("2 of 3 jaar");
			JsonNode waiting = json(this.anna.get("/api/staff/conversations/" + firstId));
			assertThat(waiting.path("status").asString()).isEqualTo("WAITING");
			assertThat(waiting.path("waitingSince").asString()).isEqualTo("2026-12-30T09:00:00Z");

			JsonNode cancelled = second.ask("Laat maar");
			assertThat(cancelled.path("text").asString()).contains("geen collega");
			assertThat(cancelled.path("state").asString()).isEqualTo("OPEN");
			String secondId = conversationId(second);
			assertThat(json(this.anna.get("/api/staff/conversations/" + secondId)).path("status").asString())
				.isEqualTo("BOT");
			assertThat(ids(this.anna.get("/api/staff/conversations?view=waiting"))).containsExactly(firstId);

			// Anna answers after two minutes: that is the first response, and the next estimate.
			this.clock.move(Duration.ofSeconds(119));
			assertThat(this.anna.postJson("/api/staff/conversations/" + firstId + "/messages", Map.of("text", "Hoi!"))
				.statusCode()).isEqualTo(202);
			assertThat(first.expect("agent").path("text").asString()).isEqualTo("Anna van de helpdesk neemt het gesprek over.");
			JsonNode answered = json(this.anna.get("/api/staff/conversations/" + firstId));
			assertThat(answered.path("firstResponseSeconds").asLong()).isEqualTo(120);
			assertThat(answered.path("assignee").asString()).isEqualTo("staff");
			presence(this.anna, true);
			assertThat(second.ask("Ik wil toch een medewerker spreken").path("text").asString())
				.contains("als eerste aan de beurt")
				.contains("binnen ongeveer 2 minuten");
		}
	}

	@Test
	void shouldNeverLeaveAVisitorWaitingForNobody() throws Exception {
		presence(this.anna, true);
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			visitor.ask("Ik wil een medewerker spreken");
			// Four minutes in steps shorter than a presence's lapse: the scheduled watch, which may run at
			// any moment, never finds Anna gone.
			for (int step = 0; step < 3; step++) {
				this.clock.move(Duration.ofSeconds(80));
				presence(this.anna, true);
			}
			this.watch.check();
			assertThat(visitor.nothingWithin(300)).as("still within the expected wait").isTrue();

			this.clock.move(Duration.ofMinutes(1));
			presence(this.anna, true);
			this.watch.check();
			assertThat(visitor.expect("bot").path("text").asString()).contains("lukt nu helaas niet")
				.contains("e-mailadres");
			this.watch.check();
			assertThat(visitor.nothingWithin(300)).as("said once").isTrue();
		}
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			visitor.ask("Ik wil een medewerker spreken");
			presence(this.anna, false);
			this.watch.check();
			assertThat(visitor.expect("bot").path("text").asString()).as("the last colleague left")
				.contains("lukt nu helaas niet");
		}
	}

	@Test
	void shouldTakeAVisitorWhoLeftOutOfTheQueueOnceTheyCanNoLongerResume() throws Exception {
		presence(this.anna, true);
		String leftId;
		try (ChatClient left = ChatClient.chatting(this.port)) {
			left.ask("Ik wil een medewerker spreken");
			leftId = conversationId(left);
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !json(this.anna.get("/api/staff/conversations/" + leftId)).path("online").asBoolean());
		try (ChatClient staying = ChatClient.chatting(this.port)) {
			this.clock.move(Duration.ofSeconds(1));
			assertThat(staying.ask("Ik wil een medewerker spreken").path("text").asString())
				.as("the visitor who left may still come back").contains("Er is nog 1 bezoeker voor je");
			String stayingId = conversationId(staying);

			// Past the resume window (30 minutes) the one who left is closed; the one still connected waits on,
			// however quiet, and is all a new visitor finds in front of them.
			this.clock.move(Duration.ofMinutes(30));
			presence(this.anna, true);
			this.watch.check();
			JsonNode closed = json(this.anna.get("/api/staff/conversations/" + leftId));
			assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
			assertThat(closed.path("closeReason").asString()).isEqualTo("no_reply");
			assertThat(ids(this.anna.get("/api/staff/conversations?view=waiting"))).doesNotContain(leftId)
				.contains(stayingId);
			assertThat(ids(this.anna.get("/api/staff/conversations?view=closed"))).contains(leftId);
			try (ChatClient next = ChatClient.chatting(this.port)) {
				assertThat(next.ask("Ik wil een medewerker spreken").path("text").asString())
					.contains("Er is nog 1 bezoeker voor je");
			}
			assertThat(staying.expect("bot").path("text").asString()).as("waited too long: offered e-mail")
				.contains("lukt nu helaas niet");
			assertThat(json(this.anna.get("/api/staff/conversations/" + stayingId)).path("status").asString())
				.isEqualTo("WAITING");
		}
	}

	private void presence(StaffHttp staff, boolean available) throws Exception {
		assertThat(staff.postJson("/api/staff/presence", Map.of("available", available)).statusCode()).isEqualTo(200);
	}

	private String conversationId(ChatClient visitor) throws Exception {
		for (JsonNode conversation : json(this.anna.get("/api/staff/conversations"))) {
			if (conversation.path("sessionId").asString().equals(visitor.sessionId())) {
				return conversation.path("id").asString();
			}
		}
		throw new AssertionError("no conversation of session " + visitor.sessionId());
	}

	private static List<String> ids(HttpResponse<String> response) throws Exception {
		return json(response).valueStream().map((c) -> c.path("id").asString()).toList();
	}

}
