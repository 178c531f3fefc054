package nl.wegwijzer.helpdesk;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.StaffHttp;

import org.springframework.boot.test.web.server.LocalServerPort;

import static nl.wegwijzer.StaffHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Canned replies are the intents' answers, found by a word or by the visitor's own question. */
@HelpdeskTest
class CannedReplyTests {

	@LocalServerPort
	int port;

	@Test
	void shouldFindAnswersByWordsAndByAQuestion() throws Exception {
		StaffHttp staff = StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD);
		JsonNode byWord = json(staff.get("/api/staff/canned?q=looptijd"));
		assertThat(byWord.valueStream().map((c) -> c.path("intent").asString())).contains("duur");
		assertThat(byWord.valueStream().filter((c) -> c.path("intent").asString().equals("duur")).findFirst())
			.hasValueSatisfying((c) -> assertThat(c.path("text").asString()).contains("2 of 3 jaar"));

		JsonNode byQuestion = json(staff.get("/api/staff/canned?q=hoe%20lang%20mag%20ons%20project%20duren"));
		assertThat(byQuestion.get(0).path("intent").asString()).isEqualTo("duur");

		JsonNode all = json(staff.get("/api/staff/canned"));
		assertThat(all.size()).isEqualTo(CannedReplyController.MAX_RESULTS);
		assertThat(json(staff.get("/api/staff/canned?q=zzzqqq")).size()).isZero();
		assertThat(staff.get("/api/staff/canned?q=" + "a".repeat(201)).statusCode()).isEqualTo(400);
	}

	@Test
	void shouldRefuseTooLongASearchAlikeInTheCannedRepliesAndTheInbox() throws Exception {
		StaffHttp staff = StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD);
		String tooLong = "a".repeat(SearchQuery.MAX_CHARS + 1);
		for (String path : new String[] { "/api/staff/canned?q=", "/api/staff/conversations?q=" }) {
			var refused = staff.get(path + tooLong);
			assertThat(refused.statusCode()).as(path).isEqualTo(400);
			assertThat(json(refused).path("message").asString()).as(path).isEqualTo("Zoek op hoogstens 200 tekens.");
			assertThat(staff.get(path + "a".repeat(SearchQuery.MAX_CHARS)).statusCode()).as(path).isEqualTo(200);
		}
		var presence = staff.postJson("/api/staff/presence", java.util.Map.of());
		assertThat(presence.statusCode()).isEqualTo(400);
		assertThat(json(presence).path("message").asString())
			.isEqualTo("Geef aan of je beschikbaar bent: {\"available\":true} of false.");
	}

}
