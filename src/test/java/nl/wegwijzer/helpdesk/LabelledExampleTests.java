package nl.wegwijzer.helpdesk;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import nl.wegwijzer.StaffHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import static nl.wegwijzer.StaffHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Relabelling over HTTP: storing a label, refusing what cannot be labelled, listing and exporting. */
@HelpdeskTest
class LabelledExampleTests {

	private static final Pattern HEADING = Pattern.compile("^# (intents/(\\w+)\\.yml|nieuwe vragen \\(nog geen intent\\))$",
			Pattern.MULTILINE);

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private StaffHttp staff;

	private LabelledTurns turns;

	@BeforeEach
	void setUp() throws Exception {
		this.jdbc.sql("delete from labelled_example").update();
		this.staff = StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD);
		this.turns = new LabelledTurns(this.jdbc);
	}

	@Test
	void shouldListEveryIntentAndTheChoiceForANewQuestion() throws Exception {
		JsonNode intents = json(this.staff.get("/api/staff/intents"));

		assertThat(intents).extracting((intent) -> intent.path("name").asString())
			.contains("duur", "buiten_scope", "groet")
			.endsWith("nieuwe_vraag");
		assertThat(intents).filteredOn((intent) -> intent.path("name").asString().equals("duur"))
			.singleElement()
			.satisfies((duur) -> assertThat(duur.path("label").asString()).isEqualTo("de looptijd van een project"));
		assertThat(intents.get(intents.size() - 1).path("label").asString()).isEqualTo("Nieuwe vraag");
	}

	@Test
	void shouldStoreTheVisitorsTextWithTheIntentAndWhoLabelledIt() throws Exception {
		long first = this.turns.visitor("  tot wanneer loopt ons partnerschap  ");
		long second = this.turns.visitor("Mag mijn hond mee op uitwisseling?");

		HttpResponse<String> created = label(first, "duur");
		label(second, "nieuwe_vraag");

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(json(created).path("id").asLong()).isPositive();
		assertThat(json(created).path("text").asString()).isEqualTo("tot wanneer loopt ons partnerschap");
		assertThat(json(created).path("intent").asString()).isEqualTo("duur");
		assertThat(json(created).path("createdAt").asString()).endsWith("Z");
		assertThat(json(created).path("createdBy").asString()).isEqualTo("staff");
		JsonNode listed = json(this.staff.get("/api/staff/labelled-examples"));
		assertThat(listed).extracting((example) -> example.path("intent").asString())
			.containsExactly("nieuwe_vraag", "duur");
		assertThat(listed.get(1)).isEqualTo(json(created));
	}

	@Test
	void shouldNotFindATurnThatDoesNotExist() throws Exception {
		HttpResponse<String> response = label(987654321L, "duur");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json(response).path("error").asString()).isEqualTo("not_found");
		assertThat(json(response).path("message").asString()).contains("bestaat niet");
	}

	@Test
	void shouldRefuseAnIntentThatDoesNotExist() throws Exception {
		HttpResponse<String> response = label(this.turns.visitor("hoe lang duurt het"), "looptijd");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).path("error").asString()).isEqualTo("bad_request");
		assertThat(json(response).path("message").asString()).contains("Onbekende intent 'looptijd'");
		assertThat(labelledExamples()).isZero();
	}

	@Test
	void shouldRefuseATurnWithoutVisitorText() throws Exception {
		HttpResponse<String> response = label(this.turns.greeting(), "groet");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).path("error").asString()).isEqualTo("bad_request");
		assertThat(json(response).path("message").asString()).contains("geen tekst van de bezoeker");
		assertThat(labelledExamples()).isZero();
	}

	@Test
	void shouldRefuseARequestWithoutAnIntent() throws Exception {
		HttpResponse<String> response = this.staff.postJson(
				"/api/staff/turns/" + this.turns.visitor("hoe lang duurt het") + "/label", Map.of());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).path("error").asString()).isEqualTo("bad_request");
	}

	@Test
	void shouldExportTheExamplesInTheFormatOfTheIntentFiles() throws Exception {
		List<String> tricky = List.of("ja", "2", "Kost het: niets?", "# geen commentaar", "- geen lijst",
				"'enkele' en \"dubbele\" aanhalingstekens", "eerste regel\ntweede regel", "null", "ééntje €");
		for (String text : tricky) {
			label(this.turns.visitor(text), "duur");
		}
		label(this.turns.visitor("Kost het: niets?"), "duur");
		label(this.turns.visitor("looptijd"), "duur");
		label(this.turns.visitor("goeiemorgen, is daar iemand?"), "groet");
		label(this.turns.visitor("Mag mijn hond mee op uitwisseling?"), "nieuwe_vraag");

		HttpResponse<String> export = this.staff.get("/api/staff/labelled-examples/export");

		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(MediaType.parseMediaType(export.headers().firstValue("Content-Type").orElseThrow())
			.isCompatibleWith(MediaType.parseMediaType("text/yaml"))).isTrue();
		ContentDisposition disposition = ContentDisposition.parse(export.headers().firstValue("Content-Disposition").orElseThrow());
		assertThat(disposition.isAttachment()).isTrue();
		assertThat(disposition.getFilename()).endsWith(".yml");
		Map<String, List<String>> blocks = parse(export.body());
		assertThat(blocks).containsOnlyKeys("intents/duur.yml", "intents/groet.yml", "nieuwe vragen (nog geen intent)");
		// Once each, and not "looptijd": duur.yml has it already.
		assertThat(blocks.get("intents/duur.yml")).containsExactlyElementsOf(tricky);
		assertThat(blocks.get("intents/groet.yml")).containsExactly("goeiemorgen, is daar iemand?");
		assertThat(blocks.get("nieuwe vragen (nog geen intent)")).containsExactly("Mag mijn hond mee op uitwisseling?");
		assertThat(export.body()).contains("examples:\n  - ");
	}

	/**
	 * Reads the export back: every block is a YAML document with only {@code examples}, headed by the
	 * comment that names where it goes.
	 */
	private static Map<String, List<String>> parse(String yaml) throws Exception {
		List<String> headings = new ArrayList<>();
		Matcher matcher = HEADING.matcher(yaml);
		while (matcher.find()) {
			headings.add(matcher.group(1));
		}
		List<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll();
		assertThat(documents).hasSameSizeAs(headings);
		Map<String, List<String>> blocks = new LinkedHashMap<>();
		for (int i = 0; i < documents.size(); i++) {
			JsonNode document = documents.get(i);
			assertThat(document.properties()).extracting(Map.Entry::getKey).containsExactly("examples");
			assertThat(document.path("examples")).allSatisfy((text) -> assertThat(text.isString()).isTrue());
			List<String> texts = new ArrayList<>();
			document.path("examples").forEach((text) -> texts.add(text.asString()));
			blocks.put(headings.get(i), texts);
		}
		return blocks;
	}

	private HttpResponse<String> label(long turnId, String intent) throws Exception {
		return this.staff.postJson("/api/staff/turns/" + turnId + "/label", Map.of("intent", intent));
	}

	private long labelledExamples() {
		return this.jdbc.sql("select count(*) from labelled_example").query(Long.class).single();
	}

}
