package nl.wegwijzer.helpdesk;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The model loaded at start-up knows only {@code intents/}: when staff have labelled examples, the model
 * retrained with them last time is loaded from the store, or else retrained in the background with the
 * same not-worse rule, so that no stored label is lost on a restart. Until it is done the bot answers
 * with the model of {@code intents/}.
 */
@Component
class RetrainOnStartup {

	private static final Logger log = LoggerFactory.getLogger(RetrainOnStartup.class);

	private final RetrainService retrainer;

	private volatile CompletableFuture<Optional<RetrainResult>> outcome = CompletableFuture
		.completedFuture(Optional.empty());

	RetrainOnStartup(RetrainService retrainer) {
		this.retrainer = retrainer;
	}

	@EventListener(ApplicationReadyEvent.class)
	void retrain() {
		if (!this.retrainer.hasLabelledExamples()) {
			return;
		}
		if (this.retrainer.restore()) {
			log.info("Loaded the stored model retrained with the labelled examples");
			return;
		}
		CompletableFuture<Optional<RetrainResult>> result = new CompletableFuture<>();
		this.outcome = result;
		Thread thread = new Thread(() -> {
			try {
				Optional<RetrainResult> retrained = this.retrainer.retrain();
				retrained.ifPresentOrElse((r) -> log.info("Retrained with the labelled examples at start-up: {}", r),
						() -> log.info("Start-up retraining skipped: a retraining was already running"));
				result.complete(retrained);
			}
			catch (RuntimeException ex) {
				log.error("Start-up retraining failed; the model of intents/ stays in service", ex);
				result.completeExceptionally(ex);
			}
		}, "retrain-on-startup");
		// A shutdown does not wait for a retraining nobody asked for.
		thread.setDaemon(true);
		thread.start();
	}

	/** The start-up retraining: empty when there was nothing to retrain or it was skipped. */
	CompletableFuture<Optional<RetrainResult>> outcome() {
		return this.outcome;
	}

}
