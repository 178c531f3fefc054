package nl.wegwijzer.helpdesk;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.ChatClient;
import nl.wegwijzer.StaffHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static nl.wegwijzer.StaffHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Statistics count only conversations whose visitor allows analytics, as the visitor last chose. */
@HelpdeskTest
class StatisticsApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldReportAPeriodDayByDay() throws Exception {
		Rows rows = new Rows(this.jdbc);
		Instant day = Instant.parse("2022-05-10T09:00:00Z");
		String counted = rows.conversation(day, day, "BOT", "mbo", true);
		rows.reply(counted, "hoe lang", "duur", 0.9, "OPEN", day);
		rows.reply(counted, "hoofdstad van Peru", "fallback", 0.2, "OPEN", day);
		String hidden = rows.conversation(day, day, "WAITING", "jeugd", false);
		rows.reply(hidden, "ik wil een mens", "medewerker", 0.9, "HANDOFF", day);

		HttpResponse<String> response = staff().get("/api/staff/statistics?from=2022-05-09&to=2022-05-11");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode statistics = json(response);
		assertThat(statistics.path("conversations").asLong()).isEqualTo(1);
		assertThat(statistics.path("conversationsPerDay")).extracting((d) -> d.path("day").asString() + "=" + d.path("count").asLong())
			.containsExactly("2022-05-09=0", "2022-05-10=1", "2022-05-11=0");
		assertThat(statistics.path("topIntents")).extracting((i) -> i.path("intent").asString() + "=" + i.path("count").asLong())
			.containsExactly("duur=1", "fallback=1");
		assertThat(statistics.path("fallbackRate").asDouble()).isEqualTo(0.5);
		assertThat(statistics.path("handoffRate").asDouble()).isZero();
		assertThat(statistics.path("routes")).extracting((r) -> r.path("route").asString() + "=" + r.path("count").asLong())
			.containsExactly("mbo=1");
	}

	@Test
	void shouldShowAnswerQualityAndListTheAnswersRatedDownForRelabelling() throws Exception {
		Rows rows = new Rows(this.jdbc);
		Instant day = Instant.parse("2022-06-10T09:00:00Z");
		String counted = rows.conversation(day, day, "BOT", null, true);
		rows.reply(counted, "hoe lang", "duur", 0.9, "OPEN", day);
		rows.reply(counted, "wie betaalt de reis", "aanvrager", 0.5, "OPEN", day.plusSeconds(60));
		rows.reply(counted, "hoeveel partners", "aantal_partners", 0.9, "OPEN", day.plusSeconds(120));
		rows.reply(counted, "wat is het", "definitie", 0.9, "OPEN", day.plusSeconds(180));
		String hidden = rows.conversation(day, day, "BOT", null, false);
		rows.reply(hidden, "geheim", "duur", 0.9, "OPEN", day);
		rate(counted, "duur", "up");
		rate(counted, "aantal_partners", "up");
		rate(counted, "aanvrager", "down");
		rate(hidden, "duur", "down");

		JsonNode statistics = json(staff().get("/api/staff/statistics?from=2022-06-10&to=2022-06-10"));
		assertThat(statistics.path("ratings").path("up").asLong()).isEqualTo(2);
		assertThat(statistics.path("ratings").path("down").asLong()).isEqualTo(1);
		assertThat(statistics.path("helpfulRate").asDouble()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
		JsonNode low = statistics.path("lowRated");
		assertThat(low).hasSize(1);
		assertThat(low.get(0).path("visitorText").asString()).isEqualTo("wie betaalt de reis");
		assertThat(low.get(0).path("intent").asString()).isEqualTo("aanvrager");
		assertThat(low.get(0).path("conversationId").asString()).isEqualTo(counted);
		long turnId = low.get(0).path("turnId").asLong();

		// The listed turn is the one the relabelling API takes.
		HttpResponse<String> labelled = staff().postJson("/api/staff/turns/" + turnId + "/label",
				Map.of("intent", "aanvrager"));
		assertThat(labelled.statusCode()).isEqualTo(201);

		JsonNode none = json(staff().get("/api/staff/statistics?from=2022-06-11&to=2022-06-11"));
		assertThat(none.path("helpfulRate").isNull()).isTrue();
		assertThat(none.path("lowRated")).isEmpty();
	}

	private void rate(String conversationId, String intent, String rating) {
		this.jdbc.sql("update turn set rating = :rating where conversation_id = :id and intent = :intent")
			.param("rating", rating)
			.param("id", conversationId)
			.param("intent", intent)
			.update();
	}

	@Test
	void shouldCountOnlyVisitorsWhoAllowAnalytics() throws Exception {
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		String path = "/api/staff/statistics?from=" + today + "&to=" + today;
		long before = json(staff().get(path)).path("conversations").asLong();
		try (ChatClient allows = ChatClient.chatting(this.port, "analytics");
				ChatClient refuses = ChatClient.chatting(this.port, "social");
				ChatClient withdraws = ChatClient.chatting(this.port, "analytics")) {
			allows.ask("Hoe lang duurt een strategisch partnerschap?");
			refuses.ask("Hoe lang duurt een strategisch partnerschap?");
			withdraws.consent();
			withdraws.expect("session");
			JsonNode after = json(staff().get(path));
			assertThat(after.path("conversations").asLong()).isEqualTo(before + 1);
		}
	}

	@Test
	void shouldDefaultToTheLastThirtyDaysAndRefuseBadPeriods() throws Exception {
		JsonNode statistics = json(staff().get("/api/staff/statistics"));
		JsonNode days = statistics.path("conversationsPerDay");
		assertThat(days).hasSize(30);
		assertThat(days.get(29).path("day").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
		assertThat(staff().get("/api/staff/statistics?from=2022-05-10&to=2022-05-01").statusCode()).isEqualTo(400);
		assertThat(staff().get("/api/staff/statistics?from=1900-01-01&to=2022-05-01").statusCode()).isEqualTo(400);
	}

	private StaffHttp staff() {
		return StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD);
	}

}
