package nl.wegwijzer.helpdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.wegwijzer.chat.ConversationRepository;
import nl.wegwijzer.consent.ConsentRepository;
import nl.wegwijzer.system.H2Compaction;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes what Wegwijzer may no longer keep, on the schedule of {@link RetentionSettings}: conversations
 * with their turns and labelled examples (the foreign keys cascade) some days after their last activity,
 * and consent records some years after they were given; then compacts an H2 file, so that neither these
 * nor conversations erased since the last run stay readable in it. The staff audit is left alone: it names
 * conversations by id only and must outlive them.
 */
@Component
class RetentionJob implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	/** What one run deleted. */
	record Deleted(long conversations, long consentRecords) {
	}

	private final ConversationRepository conversations;

	private final ConsentRepository consents;

	private final RetentionSettings settings;

	private final Clock clock;

	private final H2Compaction compaction;

	RetentionJob(ConversationRepository conversations, ConsentRepository consents, RetentionSettings settings,
			Clock clock, H2Compaction compaction) {
		this.compaction = compaction;
		this.conversations = conversations;
		this.consents = consents;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (!"-".equals(this.settings.cron())) {
			registrar.addCronTask(this::run, this.settings.cron());
		}
	}

	/** Two independent deletes: each is all-or-nothing, and a failed run is simply made good by the next. */
	Deleted run() {
		Instant now = this.clock.instant();
		Instant transcriptsBefore = now.minus(Duration.ofDays(this.settings.transcriptDays()));
		Instant consentsBefore = now.minus(Duration.ofDays(this.settings.consentDays()));
		long conversations = this.conversations.deleteInactiveBefore(transcriptsBefore);
		long consents = this.consents.deleteGivenBefore(consentsBefore);
		log.info("Retention: deleted {} conversations (with their turns) last active before {} and {} consent records "
				+ "given before {}", conversations, transcriptsBefore, consents, consentsBefore);
		// Also removes what was erased since the last run from an H2 file.
		this.compaction.compact();
		return new Deleted(conversations, consents);
	}

}
