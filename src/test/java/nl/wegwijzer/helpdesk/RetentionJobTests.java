package nl.wegwijzer.helpdesk;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.wegwijzer.consent.ConsentRecord;
import nl.wegwijzer.consent.ConsentRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The retention job as the app runs it, with the settings from {@code application.yml}. */
@HelpdeskTest
class RetentionJobTests {

	@Autowired
	RetentionJob job;

	@Autowired
	RetentionSettings settings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConsentRepository consents;

	@Test
	void shouldUseTheDefaultRetentionPeriods() {
		assertThat(this.settings.transcriptDays()).isEqualTo(90);
		assertThat(this.settings.consentDays()).isEqualTo(1825);
	}

	@Test
	void shouldDeleteOldConversationsWithTheirTurnsAndOldConsentsOnly() {
		Rows rows = new Rows(this.jdbc);
		Instant now = Instant.now();
		String old = rows.conversation(now.minus(Duration.ofDays(120)), now.minus(Duration.ofDays(91)), "CLOSED", null, true);
		rows.reply(old, "oude vraag", "duur", 0.9, "OPEN", now.minus(Duration.ofDays(91)));
		String recent = rows.conversation(now.minus(Duration.ofDays(120)), now.minus(Duration.ofDays(89)), "BOT", null, true);
		rows.reply(recent, "nieuwere vraag", "duur", 0.9, "OPEN", now.minus(Duration.ofDays(89)));
		String oldConsent = consent(now.minus(Duration.ofDays(1826)));
		String recentConsent = consent(now.minus(Duration.ofDays(1824)));

		RetentionJob.Deleted deleted = this.job.run();

		assertThat(deleted.conversations()).isGreaterThanOrEqualTo(1);
		assertThat(deleted.consentRecords()).isGreaterThanOrEqualTo(1);
		assertThat(count("conversation", "id", old)).isZero();
		assertThat(count("turn", "conversation_id", old)).isZero();
		assertThat(count("conversation", "id", recent)).isOne();
		assertThat(count("turn", "conversation_id", recent)).isOne();
		assertThat(count("consent_record", "id", oldConsent)).isZero();
		assertThat(count("consent_record", "id", recentConsent)).isOne();
	}

	private String consent(Instant givenAt) {
		String id = UUID.randomUUID().toString();
		this.consents.insert(new ConsentRecord(id, UUID.randomUUID().toString(), givenAt, "v1", List.of("necessary"),
				List.of("analytics", "social"), ConsentRecord.Method.NECESSARY_ONLY, null));
		return id;
	}

	private long count(String table, String column, String id) {
		return this.jdbc.sql("select count(*) from " + table + " where " + column + " = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

}
