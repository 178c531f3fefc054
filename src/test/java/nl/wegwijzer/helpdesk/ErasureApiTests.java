package nl.wegwijzer.helpdesk;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.ChatClient;
import nl.wegwijzer.StaffHttp;
import nl.wegwijzer.consent.ConsentRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.socket.CloseStatus;

import static nl.wegwijzer.StaffHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The visitor's and the data subject's rights (AVG art. 15 and 17) as a real WebSocket visitor and staff
 * over HTTP use them: erasing a conversation from the chat, a staff export and erasure, and finding a
 * visitor's conversations by e-mail address. ChatProtocolTests has the erase frame's protocol.
 */
@HelpdeskTest
class ErasureApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConsentRepository consents;

	private StaffHttp admin() {
		return StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD);
	}

	@Test
	void shouldEraseTheConversationWithEverythingDerivedFromItWhenTheVisitorAsks() throws Exception {
		StaffHttp anna = admin();
		String id;
		String sessionId;
		try (ChatClient visitor = ChatClient.chatting(this.port, "analytics")) {
			visitor.ask("Hoe lang duurt een project? Mail me op wis.mij@voorbeeld.nl");
			sessionId = visitor.sessionId();
			id = conversationId(anna, sessionId);
			long turn = visitorTurn(anna, id);
			assertThat(anna.postJson("/api/staff/turns/" + turn + "/label", Map.of("intent", "duur")).statusCode())
				.isEqualTo(201);
			assertThat(anna.postJson("/api/staff/conversations/" + id + "/notes", Map.of("text", "Notitie over wis.mij"))
				.statusCode()).isEqualTo(201);
			assertThat(count("labelled_example", id)).isOne();
			assertThat(userAgents(sessionId)).containsOnly("ChatClient/1.0 (test)");

			visitor.send(Map.of("type", "erase"));

			JsonNode erased = visitor.expect("erased");
			assertThat(erased.path("text").asString()).startsWith("Je gesprek is gewist.");
			assertThat(visitor.awaitClose().getCode()).isEqualTo(CloseStatus.NORMAL.getCode());
		}
		assertThat(count("conversation", id)).isZero();
		assertThat(this.jdbc.sql("select count(*) from turn where conversation_id = :id").param("id", id)
			.query(Long.class).single()).isZero();
		assertThat(count("labelled_example", id)).as("the label made from its text").isZero();
		assertThat(this.jdbc.sql("select count(*) from labelled_example where text like '%wis.mij%'")
			.query(Long.class).single()).isZero();
		assertThat(userAgents(sessionId)).as("the consent proof stays, without the user agent").hasSize(1)
			.containsOnlyNulls();
		assertThat(this.consents.verify().intact()).as("the consent chain still checks").isTrue();
		assertThat(anna.get("/api/staff/conversations/" + id).statusCode()).isEqualTo(404);
		assertThat(json(anna.get("/api/staff/conversations?q=wis.mij%40voorbeeld.nl")).size()).isZero();
		JsonNode audit = json(anna.get("/api/staff/audit?conversation=" + id));
		assertThat(audit.get(0).path("action").asString()).isEqualTo("erase");
		assertThat(audit.get(0).path("actor").asString()).isEqualTo(StaffAudit.VISITOR);

	}

	@Test
	void shouldExportEveryTurnNoteConsentAndAddress() throws Exception {
		StaffHttp anna = admin();
		try (ChatClient visitor = ChatClient.chatting(this.port, "analytics")) {
			visitor.ask("Wie mag meedoen? Mijn collega is b.de.vries@school.example.nl");
			String id = conversationId(anna, visitor.sessionId());
			assertThat(anna.postJson("/api/staff/conversations/" + id + "/notes", Map.of("text", "Bellen na de vakantie"))
				.statusCode()).isEqualTo(201);
			assertThat(anna.postJson("/api/staff/turns/" + visitorTurn(anna, id) + "/label", Map.of("intent", "deelnemers"))
				.statusCode()).isEqualTo(201);

			HttpResponse<String> response = anna.get("/api/staff/conversations/" + id + "/export");

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
				.isEqualTo("attachment; filename=\"gesprek-" + id + ".json\"");
			JsonNode export = json(response);
			assertThat(export.path("conversation").path("id").asString()).isEqualTo(id);
			assertThat(export.path("turns").valueStream().map((t) -> t.path("visitorText").asString()))
				.contains("Wie mag meedoen? Mijn collega is b.de.vries@school.example.nl");
			assertThat(export.path("turns").valueStream().map((t) -> t.path("author").asString())).doesNotContain("NOTE");
			assertThat(export.path("notes").valueStream().map((t) -> t.path("reply").asString()))
				.containsExactly("Bellen na de vakantie");
			assertThat(export.path("consents").size()).isOne();
			assertThat(export.path("consents").get(0).path("granted").valueStream().map(JsonNode::asString))
				.contains("analytics");
			assertThat(export.path("emailAddresses").valueStream().map(JsonNode::asString))
				.containsExactly("b.de.vries@school.example.nl");
			assertThat(export.path("labelledExamples").get(0).path("intent").asString()).isEqualTo("deelnemers");
			assertThat(json(anna.get("/api/staff/audit?conversation=" + id)).get(0).path("action").asString())
				.isEqualTo("export");
		}
		assertThat(anna.get("/api/staff/conversations/no-such-id/export").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldLetAnAdminEraseAConversationAndTellTheVisitor() throws Exception {
		StaffHttp anna = admin();
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			visitor.ask("Ik wil een medewerker spreken");
			String id = conversationId(anna, visitor.sessionId());

			HttpResponse<String> erased = anna.send(anna.request("/api/staff/conversations/" + id).DELETE());

			assertThat(erased.statusCode()).isEqualTo(204);
			assertThat(visitor.expect("erased").path("text").asString()).startsWith("Je gesprek is gewist.");
			assertThat(visitor.awaitClose().getCode()).isEqualTo(CloseStatus.NORMAL.getCode());
			assertThat(anna.get("/api/staff/conversations/" + id).statusCode()).isEqualTo(404);
			assertThat(anna.get("/api/staff/conversations/" + id + "/export").statusCode()).isEqualTo(404);
			assertThat(anna.send(anna.request("/api/staff/conversations/" + id).DELETE()).statusCode()).isEqualTo(404);
			JsonNode audit = json(anna.get("/api/staff/audit?conversation=" + id));
			assertThat(audit.get(0).path("action").asString()).isEqualTo("erase");
			assertThat(audit.get(0).path("actor").asString()).isEqualTo("staff");
			assertThat(json(anna.get("/api/staff/conversations?limit=2000")).valueStream()
				.map((c) -> c.path("id").asString())).doesNotContain(id);
		}
	}

	@Test
	void shouldFindAVisitorsConversationsByEmailAddress() throws Exception {
		StaffHttp anna = admin();
		try (ChatClient left = ChatClient.chatting(this.port); ChatClient mentioned = ChatClient.chatting(this.port);
				ChatClient other = ChatClient.chatting(this.port)) {
			left.ask("Ik wil een medewerker spreken");
			left.ask("Ik laat mijn adres achter: Zoek.Mij@Voorbeeld.nl");
			mentioned.ask("Kunt u mailen naar zoek.mij@voorbeeld.nl over de looptijd?");
			other.ask("Hoe lang duurt een project?");
			String leftId = conversationId(anna, left.sessionId());
			String mentionedId = conversationId(anna, mentioned.sessionId());

			List<String> found = json(anna.get("/api/staff/conversations?q=ZOEK.MIJ%40voorbeeld.nl")).valueStream()
				.map((c) -> c.path("id").asString())
				.toList();

			assertThat(found).containsExactlyInAnyOrder(leftId, mentionedId);
		}
	}

	private List<String> userAgents(String sessionId) {
		return this.jdbc.sql("select user_agent from consent_record where session_id = :session")
			.param("session", sessionId)
			.query((rs, row) -> rs.getString(1))
			.list();
	}

	private long count(String table, String conversationId) {
		String column = "conversation".equals(table) ? "id" : "conversation_id";
		return this.jdbc.sql("select count(*) from " + table + " where " + column + " = :id")
			.param("id", conversationId)
			.query(Long.class)
			.single();
	}

	private static long visitorTurn(StaffHttp staff, String id) throws Exception {
		return json(staff.get("/api/staff/conversations/" + id)).path("transcript")
			.valueStream()
			.filter((t) -> t.path("visitorText").isString())
			.findFirst()
			.orElseThrow()
			.path("id")
			.asLong();
	}

	private static String conversationId(StaffHttp staff, String sessionId) throws Exception {
		for (JsonNode conversation : json(staff.get("/api/staff/conversations?limit=2000"))) {
			if (conversation.path("sessionId").asString().equals(sessionId)) {
				return conversation.path("id").asString();
			}
		}
		throw new AssertionError("no conversation of session " + sessionId);
	}

}
