package nl.wegwijzer.helpdesk;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.StaffHttp;
import nl.wegwijzer.nlu.Classification;
import nl.wegwijzer.nlu.Intent;
import nl.wegwijzer.nlu.IntentService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static nl.wegwijzer.StaffHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retraining on the real intents: a model that learned a new phrasing goes into service, one that
 * scores worse does not. Each retraining trains eleven models on the whole corpus, so these tests train
 * with 100 iterations instead of the server's 500: the same features and decisions, a fifth of the time.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:helpdesk-labelled-examples;DB_CLOSE_DELAY=-1",
				"wegwijzer.staff.username=staff", "wegwijzer.staff.password=secret", "wegwijzer.nlu.iterations=100" })
class RetrainTests {

	/** How visitors may ask for the duration in words that {@code intents/duur.yml} does not use. */
	private static final List<String> NEW_PHRASING = List.of("welke periode beslaat een partnerschap",
			"welke periode beslaat het project", "welke periode beslaat de samenwerking",
			"welke periode beslaat de subsidie", "welke periode beslaat ons consortium",
			"over welke periode loopt de subsidie", "over welke periode loopt het partnerschap",
			"tot wanneer loopt ons partnerschap", "tot wanneer loopt het project", "tot wanneer loopt de subsidie",
			"tot wanneer loopt de samenwerking", "tot wanneer loopt ons consortium");

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private IntentService intents;

	@Autowired
	private RetrainService retrainer;

	private StaffHttp staff;

	private LabelledTurns turns;

	@BeforeEach
	void setUp() throws Exception {
		this.jdbc.sql("delete from labelled_example").update();
		this.staff = StaffHttp.basic(this.port, "staff", "secret");
		this.turns = new LabelledTurns(this.jdbc);
	}

	@Test
	void shouldPutAModelInServiceThatLearnedANewPhrasing() throws Exception {
		assertThat(this.intents.classify(NEW_PHRASING.get(0)).intent()).isNotEqualTo("duur");
		for (String text : NEW_PHRASING) {
			label(text, "duur");
		}
		label("Mag mijn hond mee op uitwisseling?", "nieuwe_vraag");

		HttpResponse<String> response = retrain();

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode result = json(response);
		assertThat(result.path("swapped").asBoolean()).isTrue();
		assertThat(result.path("message").asString()).startsWith("Het nieuwe model is in gebruik");
		assertThat(result.path("new").path("accuracy").asDouble())
			.isGreaterThanOrEqualTo(result.path("old").path("accuracy").asDouble());
		JsonNode audit = json(this.staff.get("/api/staff/audit?limit=1"));
		assertThat(audit.get(0).path("action").asString()).isEqualTo("retrain");
		assertThat(audit.get(0).path("actor").asString()).isEqualTo("staff");
		// The new question is exported for review, never trained on.
		assertThat(result.path("new").path("examples").asInt())
			.isEqualTo(result.path("old").path("examples").asInt() + NEW_PHRASING.size());
		assertThat(result.path("old").path("inScopeAccuracy").asDouble()).isBetween(0.5, 1.0);
		assertThat(result.path("old").path("outOfScopeRejection").asDouble()).isBetween(0.5, 1.0);
		assertThat(this.intents.classify(NEW_PHRASING.get(0)).intent()).isEqualTo("duur");
	}

	@Test
	void shouldKeepTheModelInServiceWhenTheNewOneScoresWorse() throws Exception {
		String question = "Hoe lang mag ons project duren?";
		Classification before = this.intents.classify(question);
		assertThat(before.intent()).isEqualTo("duur");
		// Every way of asking for the duration, labelled as something else.
		List<String> others = this.intents.corpus()
			.intents()
			.stream()
			.map(Intent::name)
			.filter((name) -> !name.equals("duur"))
			.toList();
		List<String> duration = this.intents.intent("duur").orElseThrow().examples();
		for (int i = 0; i < duration.size(); i++) {
			label(duration.get(i), others.get(i % others.size()));
		}

		HttpResponse<String> response = retrain();

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode result = json(response);
		assertThat(result.path("swapped").asBoolean()).isFalse();
		assertThat(result.path("message").asString()).contains("slechter").contains("huidige model blijft in gebruik");
		assertThat(result.path("new").path("accuracy").asDouble())
			.isLessThan(result.path("old").path("accuracy").asDouble());
		assertThat(this.intents.classify(question)).isEqualTo(before);
		assertThat(this.jdbc.sql("select count(*) from labelled_example").query(Long.class).single())
			.isEqualTo(duration.size());
	}

	@Test
	void shouldTurnDownASecondRetrainingWhileOneRuns() throws Exception {
		try (RetrainService.Slot running = this.retrainer.claim().orElseThrow()) {
			HttpResponse<String> response = retrain();

			assertThat(response.statusCode()).isEqualTo(409);
			assertThat(json(response).path("error").asString()).isEqualTo("conflict");
			assertThat(json(response).path("message").asString()).contains("Er loopt al een hertraining");
		}
		try (RetrainService.Slot next = this.retrainer.claim().orElseThrow()) {
			assertThat(this.retrainer.claim()).isEmpty();
		}
	}

	private void label(String text, String intent) throws Exception {
		HttpResponse<String> response = this.staff.postJson("/api/staff/turns/" + this.turns.visitor(text) + "/label",
				Map.of("intent", intent));
		assertThat(response.statusCode()).isEqualTo(201);
	}

	/** Eleven trainings take longer than the other staff calls may. */
	private HttpResponse<String> retrain() throws Exception {
		return this.staff.send(this.staff.request("/api/staff/model/retrain")
			.timeout(Duration.ofMinutes(3))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));
	}

}
