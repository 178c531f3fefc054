package nl.wegwijzer.helpdesk;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.StaffHttp;
import nl.wegwijzer.consent.ConsentRecord;
import nl.wegwijzer.consent.ConsentRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static nl.wegwijzer.StaffHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The consent audit: the records of a period, whole UTC days, as JSON and as CSV. */
@HelpdeskTest
class ConsentAuditApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ConsentRepository consents;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldListTheRecordsOfThePeriodWithBothDaysIncluded() throws Exception {
		String session = UUID.randomUUID().toString();
		insert(session, "2021-02-28T23:59:59Z", List.of("necessary"), "Before/1.0");
		String first = insert(session, "2021-03-01T00:00:00Z", List.of("necessary", "analytics"), "Mozilla/5.0");
		String last = insert(session, "2021-03-31T23:59:59Z", List.of("necessary"), null);
		insert(session, "2021-04-01T00:00:00Z", List.of("necessary"), "After/1.0");

		HttpResponse<String> response = staff().get("/api/staff/consents?from=2021-03-01&to=2021-03-31");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode records = json(response);
		assertThat(records).extracting((r) -> r.path("id").asString()).containsExactly(first, last);
		JsonNode record = records.get(0);
		assertThat(record.path("sessionId").asString()).isEqualTo(session);
		assertThat(record.path("givenAt").asString()).isEqualTo("2021-03-01T00:00:00Z");
		assertThat(record.path("policyVersion").asString()).isEqualTo("abc123");
		assertThat(record.path("granted")).extracting(JsonNode::asString).containsExactly("necessary", "analytics");
		assertThat(record.path("refused")).extracting(JsonNode::asString).containsExactly("social");
		assertThat(record.path("method").asString()).isEqualTo("CUSTOM");
		assertThat(record.path("userAgent").asString()).isEqualTo("Mozilla/5.0");
	}

	@Test
	void shouldExportTheSameRecordsAsCsv() throws Exception {
		String session = UUID.randomUUID().toString();
		String id = insert(session, "2021-06-10T12:30:00Z", List.of("necessary", "analytics"), "=cmd|' /C calc'!A0");
		HttpResponse<String> response = staff().get("/api/staff/consents?from=2021-06-10&to=2021-06-10&format=csv");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying((t) -> assertThat(t).startsWith("text/csv"));
		assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying((d) -> assertThat(d).startsWith("attachment"));
		List<CSVRecord> rows = TriageApiTests.parse(response.body(), ',');
		assertThat(rows.get(0).values()).containsExactly("id", "sessionId", "givenAt", "policyVersion", "granted",
				"refused", "method", "userAgent");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1).values()).containsExactly(id, session, "2021-06-10T12:30:00Z", "abc123",
				"necessary;analytics", "social", "CUSTOM", "'=cmd|' /C calc'!A0");
	}

	@Test
	void shouldDefaultToTheLastThirtyDays() throws Exception {
		String session = UUID.randomUUID().toString();
		String recent = insert(session, Instant.now().minusSeconds(3600).toString(), List.of("necessary"), "Recent");
		String old = insert(session, Instant.now().minusSeconds(40L * 24 * 3600).toString(), List.of("necessary"), "Old");
		JsonNode records = json(staff().get("/api/staff/consents"));
		assertThat(records).extracting((r) -> r.path("id").asString()).contains(recent).doesNotContain(old);
	}

	@Test
	void shouldReportAConsentAlteredWithSqlUntilItIsPutBack() throws Exception {
		String session = UUID.randomUUID().toString();
		String id = insert(session, Instant.now().toString(), List.of("necessary"), "Mozilla/5.0");
		assertThat(json(staff().get("/api/staff/consents/chain")).path("intact").asBoolean()).isTrue();

		this.jdbc.sql("update consent_record set granted = 'necessary,analytics' where id = :id").param("id", id).update();
		try {
			JsonNode report = json(staff().get("/api/staff/consents/chain"));
			assertThat(report.path("intact").asBoolean()).isFalse();
			assertThat(report.path("breaks")).hasSize(1);
			assertThat(report.path("breaks").get(0).path("id").asString()).isEqualTo(id);
			assertThat(report.path("breaks").get(0).path("problem").asString()).isEqualTo("ALTERED");
		}
		finally {
			this.jdbc.sql("update consent_record set granted = 'necessary' where id = :id").param("id", id).update();
		}
		assertThat(json(staff().get("/api/staff/consents/chain")).path("intact").asBoolean()).isTrue();
	}

	@Test
	void shouldKeepTheChainCheckForStaff() throws Exception {
		assertThat(StaffHttp.anonymous(this.port).get("/api/staff/consents/chain").statusCode()).isEqualTo(401);
	}

	@Test
	void shouldRefuseBadDatesAndFormats() throws Exception {
		for (String query : new String[] { "?from=1-3-2021", "?from=2021-04-01&to=2021-03-01", "?format=xml" }) {
			HttpResponse<String> response = staff().get("/api/staff/consents" + query);
			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertThat(json(response).path("error").asString()).isEqualTo("bad_request");
		}
	}

	private StaffHttp staff() {
		return StaffHttp.basic(this.port, "staff", HelpdeskTest.PASSWORD);
	}

	private String insert(String session, String givenAt, List<String> granted, String userAgent) {
		String id = UUID.randomUUID().toString();
		List<String> refused = List.of("analytics", "social").stream().filter((c) -> !granted.contains(c)).toList();
		this.consents.insert(new ConsentRecord(id, session, Instant.parse(givenAt), "abc123", granted, refused,
				granted.size() == 1 ? ConsentRecord.Method.NECESSARY_ONLY : ConsentRecord.Method.CUSTOM, userAgent));
		return id;
	}

}
