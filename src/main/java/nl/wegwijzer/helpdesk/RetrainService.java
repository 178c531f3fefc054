package nl.wegwijzer.helpdesk;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.wegwijzer.nlu.Evaluation;
import nl.wegwijzer.nlu.IntentService;
import nl.wegwijzer.nlu.LabelledText;
import nl.wegwijzer.system.ContentFiles;

import org.springframework.stereotype.Service;

import static nl.wegwijzer.helpdesk.HelpdeskTexts.SAY;

/**
 * Retrains the intent model on {@code intents/} plus the examples staff labelled, and puts it in service
 * only when it does not score worse. Old and new are compared fairly: cross-validation over the union of
 * both, where the old configuration trains each fold on that fold's intent examples only and the new one
 * on all of the fold, both tested on the same folds.
 */
@Service
class RetrainService {

	static final int FOLDS = 5;

	static final long SEED = 42;

	private static final Logger log = LoggerFactory.getLogger(RetrainService.class);

	private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

	private final IntentService intents;

	private final LabelledExampleRepository examples;

	// A semaphore rather than a lock: the slot may be given back by another thread than took it.
	private final Semaphore slot = new Semaphore(1);

	RetrainService(IntentService intents, LabelledExampleRepository examples) {
		this.intents = intents;
		this.examples = examples;
	}

	/** The one retraining slot; closing it lets the next retraining run. */
	interface Slot extends AutoCloseable {

		@Override
		void close();

	}

	/** Takes the retraining slot, or nothing when a retraining is running. */
	Optional<Slot> claim() {
		if (!this.slot.tryAcquire()) {
			return Optional.empty();
		}
		AtomicBoolean open = new AtomicBoolean(true);
		return Optional.of(() -> {
			if (open.getAndSet(false)) {
				this.slot.release();
			}
		});
	}

	/** Retrains, or returns nothing at once when another retraining is running. */
	Optional<RetrainResult> retrain() {
		Optional<Slot> claimed = claim();
		if (claimed.isEmpty()) {
			return Optional.empty();
		}
		try (Slot held = claimed.get()) {
			return Optional.of(retrainNow());
		}
	}

	/** Whether there are labelled examples a model could learn from. */
	boolean hasLabelledExamples() {
		return this.examples.countWithIntent() > 0;
	}

	private RetrainResult retrainNow() {
		long start = System.nanoTime();
		List<LabelledText> corpus = this.intents.corpus().examples();
		Set<LabelledText> inCorpus = new HashSet<>(corpus);
		List<LabelledText> labelled = labelled(inCorpus);
		List<LabelledText> all = Stream.concat(corpus.stream(), labelled.stream()).toList();
		Evaluation.Report oldReport = Evaluation.report("intents", Evaluation.crossValidate(all, FOLDS, SEED,
				(train) -> this.intents.train(train.stream().filter(inCorpus::contains).toList())));
		RetrainResult.Scores old = RetrainResult.Scores.of(oldReport, corpus.size());
		if (labelled.isEmpty()) {
			return new RetrainResult(old, old, false, SAY.retrain().nothingLabelled());
		}
		Evaluation.Report newReport = Evaluation.report("intents + labelled",
				Evaluation.crossValidate(all, FOLDS, SEED, this.intents::train));
		RetrainResult.Scores candidate = RetrainResult.Scores.of(newReport, all.size());
		if (candidate.accuracy() < old.accuracy()) {
			String message = ContentFiles.fill(SAY.retrain().worse(), "new", percent(candidate.accuracy()), "old",
					percent(old.accuracy()));
			log.warn("Kept the current intent model: with {} labelled examples accuracy would drop from {} to {} ({} ms)",
					labelled.size(), old.accuracy(), candidate.accuracy(), millisSince(start));
			return new RetrainResult(old, candidate, false, message);
		}
		this.intents.use(this.intents.model(all));
		log.info("Put a new intent model in service: {} examples of which {} labelled, accuracy {} (was {}) ({} ms)",
				all.size(), labelled.size(), candidate.accuracy(), old.accuracy(), millisSince(start));
		return new RetrainResult(old, candidate, true, ContentFiles.fill(SAY.retrain().inUse(), "examples", all.size(),
				"labelled", labelled.size(), "new", percent(candidate.accuracy()), "old", percent(old.accuracy())));
	}

	/**
	 * Puts the stored model of the corpus plus the labelled examples in service, when one was trained and
	 * accepted before: a restart need not retrain what it retrained last time.
	 */
	boolean restore() {
		List<LabelledText> corpus = this.intents.corpus().examples();
		List<LabelledText> labelled = labelled(new HashSet<>(corpus));
		if (labelled.isEmpty()) {
			return false;
		}
		return this.intents.stored(Stream.concat(corpus.stream(), labelled.stream()).toList()).map((model) -> {
			this.intents.use(model);
			return true;
		}).orElse(false);
	}

	/**
	 * The labelled examples a model can learn from. Intents that no longer exist and nieuwe_vraag have no
	 * answer to give; copies of an intent's own examples add nothing, and leaving them out keeps "is in
	 * the corpus" a plain value test.
	 */
	private List<LabelledText> labelled(Set<LabelledText> inCorpus) {
		return this.examples.findAll()
			.stream()
			.filter((example) -> this.intents.intent(example.intent()).isPresent())
			.map((example) -> new LabelledText(example.intent(), example.text()))
			.filter((example) -> !inCorpus.contains(example))
			.toList();
	}

	private static String percent(double share) {
		return String.format(DUTCH, "%.1f%%", share * 100);
	}

	private static long millisSince(long start) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

}
