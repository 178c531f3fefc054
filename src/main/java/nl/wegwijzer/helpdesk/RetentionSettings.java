package nl.wegwijzer.helpdesk;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long data is kept, under {@code wegwijzer.retention}.
 *
 * @param cron when the retention job runs (Spring cron, server time zone); {@code -} switches it off
 * @param transcriptDays conversations, with their turns, are deleted this many days after their last
 * activity
 * @param consentDays consent records are deleted this many days after they were given
 */
@ConfigurationProperties("wegwijzer.retention")
public record RetentionSettings(String cron, int transcriptDays, int consentDays) {

	public RetentionSettings {
		cron = (cron == null || cron.isBlank()) ? "0 30 3 * * *" : cron.strip();
		// At least a day, so the job can never delete a conversation a visitor may still resume.
		if (transcriptDays < 1 || consentDays < 1) {
			throw new IllegalArgumentException(
					"wegwijzer.retention.transcript-days and consent-days must be at least 1");
		}
	}

}
