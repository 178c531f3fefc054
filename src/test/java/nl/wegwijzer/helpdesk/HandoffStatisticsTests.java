package nl.wegwijzer.helpdesk;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.ChatClient;
import nl.wegwijzer.StaffHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static nl.wegwijzer.StaffHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The statistics of the helpdesk's own work: first-response time, missed handoffs, offline messages, closes. */
@HandoffTest
class HandoffStatisticsTests {

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Test
	void shouldReportFirstResponsesMissedHandoffsOfflineMessagesAndClosesByReason() throws Exception {
		// Eight weeks on, a Wednesday morning: a day of its own in the statistics.
		this.clock.set(HandoffTest.START.plus(Duration.ofDays(56)));
		StaffHttp anna = StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD);
		anna.postJson("/api/staff/presence", Map.of("available", true));
		try (ChatClient answered = ChatClient.chatting(this.port, "analytics");
				ChatClient missed = ChatClient.chatting(this.port, "analytics");
				ChatClient offline = ChatClient.chatting(this.port, "analytics");
				ChatClient uncounted = ChatClient.chatting(this.port)) {
			answered.ask("Ik wil een medewerker spreken");
			missed.ask("Ik wil een medewerker spreken");
			uncounted.ask("Ik wil een medewerker spreken");

			this.clock.move(Duration.ofMinutes(2));
			assertThat(anna.postJson("/api/staff/conversations/" + EmailReplyTests.conversationId(anna, answered)
					+ "/messages", Map.of("text", "Hoi!")).statusCode()).isEqualTo(202);

			this.clock.move(Duration.ofMinutes(8));
			anna.postJson("/api/staff/presence", Map.of("available", false));
			offline.ask("Ik wil een medewerker spreken");
			offline.ask("Mail me maar op offline@example.nl");
			String offlineId = EmailReplyTests.conversationId(anna, offline);
			assertThat(anna.postJson("/api/staff/conversations/" + offlineId + "/close", Map.of("reason", "answered"))
				.statusCode()).isEqualTo(204);
		}

		JsonNode statistics = json(anna.get("/api/staff/statistics?from=2027-01-27&to=2027-01-27"));
		assertThat(statistics.path("conversations").asLong()).isEqualTo(3);
		assertThat(statistics.path("medianFirstResponseSeconds").asLong()).isEqualTo(120);
		assertThat(statistics.path("missedHandoffs").asLong()).isEqualTo(1);
		assertThat(statistics.path("offlineMessages").asLong()).isEqualTo(1);
		assertThat(statistics.path("closes")).singleElement().satisfies((close) -> {
			assertThat(close.path("reason").asString()).isEqualTo("answered");
			assertThat(close.path("count").asLong()).isEqualTo(1);
		});
	}

}
