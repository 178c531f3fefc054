package nl.wegwijzer.helpdesk;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.StaffHttp;
import nl.wegwijzer.nlu.IntentService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static nl.wegwijzer.StaffHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Triage of pasted enquiries and of CSV files of them, with the real model. */
@HelpdeskTest
class TriageApiTests {

	@LocalServerPort
	int port;

	@Autowired
	IntentService intents;

	private StaffHttp staff() {
		return StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD);
	}

	@Test
	void shouldSuggestIntentAlternativesAndTheAnswer() throws Exception {
		HttpResponse<String> response = staff().postJson("/api/staff/triage",
				Map.of("text", "Hoe lang duurt een strategisch partnerschap?"));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode result = json(response);
		assertThat(result.path("intent").asString()).isEqualTo("duur");
		assertThat(result.path("confidence").asDouble()).isBetween(0.0, 1.0);
		assertThat(result.path("answer").asString()).isEqualTo(this.intents.intent("duur").orElseThrow().answer());
		assertThat(result.path("route").isNull()).isTrue();
		JsonNode alternatives = result.path("alternatives");
		assertThat(alternatives.size()).isBetween(1, 3);
		assertThat(alternatives.get(0).path("intent").asString()).isEqualTo("duur");
		assertThat(alternatives.get(0).path("label").asString())
			.isEqualTo(this.intents.intent("duur").orElseThrow().label());
		assertThat(alternatives.get(0).path("score").asDouble()).isPositive();
	}

	@Test
	void shouldSuggestTheRouteFromTheText() throws Exception {
		JsonNode result = json(staff().postJson("/api/staff/triage", Map.of("text",
				"Beste helpdesk, waar moeten wij de aanvraag indienen? Ons project is buitenschools jongerenwerk in de wijk.")));
		assertThat(result.path("route").asString()).isEqualTo("jeugd");
	}

	@Test
	void shouldOfferTheOutOfScopeAnswerForAFallback() throws Exception {
		JsonNode result = json(staff().postJson("/api/staff/triage", Map.of("text", "wat is de hoofdstad van Peru")));
		assertThat(result.path("intent").asString()).isEqualTo("fallback");
		assertThat(result.path("answer").asString()).isEqualTo(this.intents.intent("buiten_scope").orElseThrow().answer());
	}

	@Test
	void shouldRefuseEmptyAndTooLongTexts() throws Exception {
		for (Object body : List.of(Map.of("text", " "), Map.of(), Map.of("text", "a ".repeat(10_001)))) {
			HttpResponse<String> response = staff().postJson("/api/staff/triage", body);
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(json(response).path("error").asString()).isEqualTo("bad_request");
		}
		assertThat(staff().postJson("/api/staff/triage", Map.of("text", "a".repeat(20_000))).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldTriageACsvFileAndKeepItsColumns() throws Exception {
		String csv = """
				nr;vraag;afzender
				1;Hoe lang duurt een strategisch partnerschap?;an@example.nl
				2;"wat is de hoofdstad van Peru; weet je dat?";=HYPERLINK("x")

				3;;leeg
				""";
		HttpResponse<String> response = upload(csv.getBytes(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying((t) -> assertThat(t).startsWith("text/csv"));
		assertThat(response.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((d) -> assertThat(d).startsWith("attachment").contains("filename=\"triage.csv\""));
		List<CSVRecord> rows = parse(response.body(), ';');
		assertThat(rows.get(0).values()).containsExactly("nr", "vraag", "afzender", "intent", "confidence", "route", "answer",
				"intents");
		assertThat(rows).hasSize(4);
		assertThat(rows.get(1).get(0)).isEqualTo("1");
		assertThat(rows.get(1).get(3)).isEqualTo("duur");
		assertThat(Double.parseDouble(rows.get(1).get(4))).isBetween(0.0, 1.0);
		assertThat(rows.get(1).get(6)).contains("2 of 3 jaar");
		assertThat(rows.get(2).get(1)).isEqualTo("wat is de hoofdstad van Peru; weet je dat?");
		assertThat(rows.get(2).get(2)).as("a formula is defused").isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(rows.get(2).get(3)).isEqualTo("fallback");
		assertThat(rows.get(3).get(3)).as("an empty enquiry is left empty").isEmpty();
	}

	@Test
	void shouldFindEveryQuestionOfAnEmailAndDraftTheAnswer() throws Exception {
		JsonNode result = json(staff().postJson("/api/staff/triage", Map.of("text", """
				Beste helpdesk,

				Wij zijn een mbo-school in Utrecht en willen samen met de gemeente een project opzetten.
				Bij welke sector moeten we de aanvraag indienen? En hoe lang mag het project duren?

				Met vriendelijke groet,
				Sanne de Vries
				Coördinator internationalisering""")));
		assertThat(result.path("intent").asString()).isEqualTo("waar_aanvragen");
		assertThat(result.path("route").asString()).isEqualTo("mbo");
		JsonNode questions = result.path("questions");
		assertThat(questions).extracting((q) -> q.path("intent").asString()).containsExactly("waar_aanvragen", "duur");
		assertThat(questions.get(0).path("text").asString()).startsWith("Bij welke sector");
		assertThat(questions.get(0).path("answer").asString()).contains("bij de sector mbo");
		assertThat(questions.get(1).path("answer").asString()).isEqualTo(this.intents.intent("duur").orElseThrow().answer());
		String reply = result.path("reply").asString();
		assertThat(reply).startsWith("Beste Sanne,").contains("2 of 3 jaar").contains("helpdesk");
		assertThat(reply.indexOf("sector mbo")).isLessThan(reply.indexOf("2 of 3 jaar"));
		// The chat's links become plain text with the address in an e-mail.
		assertThat(reply).contains("onderwijssector (https://").doesNotContain("](");
	}

	@Test
	void shouldDraftAPoliteNoWhenAnEmailAsksNothingOfOurs() throws Exception {
		JsonNode result = json(staff().postJson("/api/staff/triage", Map.of("text", """
				Geachte heer, mevrouw,

				Mijn Erasmus-beurs voor mijn stage in Spanje is nog steeds niet uitbetaald. Wanneer komt het geld?

				Hoogachtend,
				J. Jansen""")));
		assertThat(result.path("intent").asString()).isEqualTo("fallback");
		assertThat(result.path("questions")).extracting((q) -> q.path("intent").asString()).containsOnly("fallback");
		assertThat(result.path("reply").asString()).startsWith("Goedendag,").contains("beantwoordt vragen over");
	}

	@Test
	void shouldFindTheTextColumnByNameOrTakeTheFirst() throws Exception {
		List<CSVRecord> named = parse(upload("id,Text\n7,Hoe lang duurt een strategisch partnerschap?\n"
			.getBytes(StandardCharsets.UTF_8)).body(), ',');
		assertThat(named.get(1).get(2)).isEqualTo("duur");
		// Windows-1252, as a Dutch Excel may save it, and no known column name: the first column.
		List<CSVRecord> first = parse(upload("onderwerp\nHoe lang duurt een strategisch partnerschap? Groetjes van Zoë\n"
			.getBytes("windows-1252")).body(), ',');
		assertThat(first.get(1).get(0)).endsWith("Zoë");
		assertThat(first.get(1).get(1)).isEqualTo("duur");
	}

	@Test
	void shouldRefuseAMissingFileOrATooLongText() throws Exception {
		StaffHttp staff = staff();
		HttpResponse<String> missing = staff.send(staff.request("/api/staff/triage/batch")
			.header("Content-Type", "multipart/form-data; boundary=grens")
			.POST(HttpRequest.BodyPublishers.ofString("--grens--\r\n")));
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(json(missing).path("error").asString()).isEqualTo("bad_request");

		HttpResponse<String> tooLong = upload(("text\n" + "a".repeat(20_001) + "\n").getBytes(StandardCharsets.UTF_8));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(json(tooLong).path("message").asString()).contains("rij 2");
	}

	private HttpResponse<String> upload(byte[] csv) throws Exception {
		String boundary = "grens1234";
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"vragen.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + csv.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(csv, 0, body, head.length, csv.length);
		System.arraycopy(tail, 0, body, head.length + csv.length, tail.length);
		StaffHttp staff = staff();
		return staff.send(staff.request("/api/staff/triage/batch")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	static List<CSVRecord> parse(String csv, char delimiter) throws Exception {
		assertThat(csv).as("UTF-8 with a byte order mark, for Excel").startsWith("\uFEFF");
		return CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter)
			.get()
			.parse(new StringReader(csv.substring(1)))
			.getRecords();
	}

}
