package nl.wegwijzer.helpdesk;

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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Relabelling over HTTP: storing a label, refusing what cannot be labelled, listing and exporting. */
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:helpdesk-labelled-examples;DB_CLOSE_DELAY=-1",
				"wegwijzer.staff.username=staff", "wegwijzer.staff.password=secret" })
class LabelledExampleTests {

	private static final Pattern HEADING = Pattern.compile("^# (intents/(\\w+)\\.yml|nieuwe vragen \\(nog geen intent\\))$",
			Pattern.MULTILINE);

	@Autowired
	private TestRestTemplate anonymous;

	@Autowired
	private JdbcClient jdbc;

	private TestRestTemplate staff;

	private LabelledTurns turns;

	@BeforeEach
	void setUp() throws Exception {
		this.jdbc.sql("delete from labelled_example").update();
		this.staff = this.anonymous.withBasicAuth("staff", "secret");
		this.turns = new LabelledTurns(this.jdbc);
	}

	@Test
	void shouldListEveryIntentAndTheChoiceForANewQuestion() {
		JsonNode intents = this.staff.getForObject("/api/staff/intents", JsonNode.class);

		assertThat(intents).extracting((intent) -> intent.path("name").asString())
			.contains("duur", "buiten_scope", "groet")
			.endsWith("nieuwe_vraag");
		assertThat(intents).filteredOn((intent) -> intent.path("name").asString().equals("duur"))
			.singleElement()
			.satisfies((duur) -> assertThat(duur.path("label").asString()).isEqualTo("de looptijd van een project"));
		assertThat(intents.get(intents.size() - 1).path("label").asString()).isEqualTo("Nieuwe vraag");
	}

	@Test
	void shouldStoreTheVisitorsTextWithTheIntentAndWhoLabelledIt() {
		long first = this.turns.visitor("  tot wanneer loopt ons partnerschap  ");
		long second = this.turns.visitor("Mag mijn hond mee op uitwisseling?");

		ResponseEntity<JsonNode> created = label(first, "duur");
		label(second, "nieuwe_vraag");

		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getBody().path("id").asLong()).isPositive();
		assertThat(created.getBody().path("text").asString()).isEqualTo("tot wanneer loopt ons partnerschap");
		assertThat(created.getBody().path("intent").asString()).isEqualTo("duur");
		assertThat(created.getBody().path("createdAt").asString()).endsWith("Z");
		assertThat(created.getBody().path("createdBy").asString()).isEqualTo(securityActive() ? "staff" : "onbekend");
		JsonNode listed = this.staff.getForObject("/api/staff/labelled-examples", JsonNode.class);
		assertThat(listed).extracting((example) -> example.path("intent").asString())
			.containsExactly("nieuwe_vraag", "duur");
		assertThat(listed.get(1)).isEqualTo(created.getBody());
	}

	@Test
	void shouldNotFindATurnThatDoesNotExist() {
		ResponseEntity<JsonNode> response = label(987654321L, "duur");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody().path("error").asString()).isEqualTo("not_found");
		assertThat(response.getBody().path("message").asString()).contains("bestaat niet");
	}

	@Test
	void shouldRefuseAnIntentThatDoesNotExist() {
		ResponseEntity<JsonNode> response = label(this.turns.visitor("hoe lang duurt het"), "looptijd");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().path("error").asString()).isEqualTo("bad_request");
		assertThat(response.getBody().path("message").asString()).contains("Onbekende intent 'looptijd'");
		assertThat(labelledExamples()).isZero();
	}

	@Test
	void shouldRefuseATurnWithoutVisitorText() {
		ResponseEntity<JsonNode> response = label(this.turns.greeting(), "groet");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().path("error").asString()).isEqualTo("bad_request");
		assertThat(response.getBody().path("message").asString()).contains("geen tekst van de bezoeker");
		assertThat(labelledExamples()).isZero();
	}

	@Test
	void shouldRefuseARequestWithoutAnIntent() {
		ResponseEntity<JsonNode> response = this.staff.postForEntity(
				"/api/staff/turns/" + this.turns.visitor("hoe lang duurt het") + "/label", Map.of(), JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().path("error").asString()).isEqualTo("bad_request");
	}

	@Test
	void shouldExportTheExamplesInTheFormatOfTheIntentFiles() throws Exception {
		List<String> tricky = List.of("ja", "2", "Kost het: niets?", "# geen commentaar", "- geen lijst",
				"'enkele' en \"dubbele\" aanhalingstekens", "eerste regel\ntweede regel", "null", "ééntje €");
		tricky.forEach((text) -> label(this.turns.visitor(text), "duur"));
		label(this.turns.visitor("Kost het: niets?"), "duur");
		label(this.turns.visitor("looptijd"), "duur");
		label(this.turns.visitor("goeiemorgen, is daar iemand?"), "groet");
		label(this.turns.visitor("Mag mijn hond mee op uitwisseling?"), "nieuwe_vraag");

		ResponseEntity<String> export = this.staff.getForEntity("/api/staff/labelled-examples/export", String.class);

		assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(export.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/yaml"))).isTrue();
		assertThat(export.getHeaders().getContentDisposition().isAttachment()).isTrue();
		assertThat(export.getHeaders().getContentDisposition().getFilename()).endsWith(".yml");
		Map<String, List<String>> blocks = parse(export.getBody());
		assertThat(blocks).containsOnlyKeys("intents/duur.yml", "intents/groet.yml", "nieuwe vragen (nog geen intent)");
		// Once each, and not "looptijd": duur.yml has it already.
		assertThat(blocks.get("intents/duur.yml")).containsExactlyElementsOf(tricky);
		assertThat(blocks.get("intents/groet.yml")).containsExactly("goeiemorgen, is daar iemand?");
		assertThat(blocks.get("nieuwe vragen (nog geen intent)")).containsExactly("Mag mijn hond mee op uitwisseling?");
		assertThat(export.getBody()).contains("examples:\n  - ");
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

	private ResponseEntity<JsonNode> label(long turnId, String intent) {
		return this.staff.postForEntity("/api/staff/turns/" + turnId + "/label", Map.of("intent", intent),
				JsonNode.class);
	}

	private long labelledExamples() {
		return this.jdbc.sql("select count(*) from labelled_example").query(Long.class).single();
	}

	/** Once staff security is in place, an anonymous request is turned away and labels carry the username. */
	private boolean securityActive() {
		return this.anonymous.getForEntity("/api/staff/intents", String.class).getStatusCode() == HttpStatus.UNAUTHORIZED;
	}

}
