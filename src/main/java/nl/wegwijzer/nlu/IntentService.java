package nl.wegwijzer.nlu;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The bot's classifier: the model of {@code intents/}, loaded at start-up from the {@link ModelStore}
 * or trained and stored when the intents changed, with a cache of results keyed by normalised text. A
 * new model replaces the old one atomically, together with its cache.
 */
@Service
public class IntentService implements IntentClassifier {

	private static final Logger log = LoggerFactory.getLogger(IntentService.class);

	/** How long an instance waits for another one that claimed the training of the same model. */
	private static final Duration CLAIM_WAIT = Duration.ofMinutes(2);

	private static final Duration CLAIM_POLL = Duration.ofMillis(250);

	/**
	 * Models this JVM already has, by key: a second application context in the same JVM, as in the
	 * tests, neither trains nor reads the model again.
	 */
	private static final Cache<String, Trained> KNOWN = Caffeine.newBuilder().maximumSize(4).build();

	private final NluSettings settings;

	private final ModelStore store;

	private final IntentCorpus corpus;

	private final TextPipeline pipeline = new TextPipeline(TextPipeline.Language.NL);

	private final AtomicReference<Loaded> loaded = new AtomicReference<>();

	private final MessageAnalyzer analyzer;

	public IntentService(NluSettings settings, ModelStore store) {
		this.settings = settings;
		this.store = store;
		this.corpus = IntentCorpus.load(settings.intents());
		this.analyzer = new MessageAnalyzer(this, this.corpus.social());
		List<LabelledText> examples = this.corpus.examples();
		long start = System.nanoTime();
		use(model(examples));
		log.info("Intent model of {} examples of {} intents ready in {} ms", examples.size(),
				this.corpus.intents().size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
	}

	@Override
	public Classification classify(String text) {
		Loaded current = this.loaded.get();
		return current.cache.get(current.classifier.pipeline().key(text), (key) -> current.classifier.classify(text));
	}

	/**
	 * Empties the cache of results, whose keys are texts visitors sent: after an erasure none of them may
	 * stay behind. The cache fills again within minutes.
	 */
	public void forgetCachedTexts() {
		this.loaded.get().cache.invalidateAll();
	}

	/** The questions a message asks, each classified by the model in service. */
	public MessageAnalysis analyze(String message) {
		return this.analyzer.analyze(message);
	}

	/**
	 * Trains a candidate model with the served model's pipeline and settings, for instance on the
	 * corpus plus examples labelled by staff. It serves nothing until it is passed to {@link #use}.
	 */
	public OpenNlpIntentClassifier train(List<LabelledText> examples) {
		return OpenNlpIntentClassifier.train(examples, this.pipeline, this.settings);
	}

	/**
	 * The model of these examples: the stored one when it was trained before, otherwise trained now and
	 * stored. When another instance is training it, waits for that one.
	 */
	public OpenNlpIntentClassifier model(List<LabelledText> examples) {
		String key = OpenNlpIntentClassifier.key(examples, this.pipeline, this.settings);
		Trained known = KNOWN.getIfPresent(key);
		if (known == null) {
			known = loadOrTrain(key, examples);
			KNOWN.put(key, known);
		}
		else if (this.store.claim(key)) {
			this.store.save(key, known.bytes());
		}
		// The key leaves out the thresholds: the known model decides with this service's.
		return known.classifier().with(this.settings);
	}

	/** The stored model of these examples, if one was trained and stored before. */
	public Optional<OpenNlpIntentClassifier> stored(List<LabelledText> examples) {
		String key = OpenNlpIntentClassifier.key(examples, this.pipeline, this.settings);
		return this.store.find(key).flatMap((bytes) -> read(key, bytes)).map(Trained::classifier);
	}

	private Trained loadOrTrain(String key, List<LabelledText> examples) {
		Instant giveUp = Instant.now().plus(CLAIM_WAIT);
		while (true) {
			Optional<byte[]> stored = this.store.find(key);
			if (stored.isPresent()) {
				// A model that cannot be read is replaced.
				return read(key, stored.get()).orElseGet(() -> trainAndStore(key, examples));
			}
			if (this.store.claim(key)) {
				return trainAndStore(key, examples);
			}
			if (Instant.now().isAfter(giveUp)) {
				log.warn("Another instance claimed the intent model {} but did not store it: training it here", key);
				return trainAndStore(key, examples);
			}
			try {
				Thread.sleep(CLAIM_POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for the intent model", ex);
			}
		}
	}

	private Optional<Trained> read(String key, byte[] bytes) {
		try {
			OpenNlpIntentClassifier model = OpenNlpIntentClassifier.read(new ByteArrayInputStream(bytes), this.pipeline,
					this.settings);
			log.info("Loaded the stored intent model {}", key);
			return Optional.of(new Trained(model, bytes));
		}
		catch (IOException | RuntimeException ex) {
			log.warn("The stored intent model {} cannot be read ({}); training it again", key, ex.toString());
			return Optional.empty();
		}
	}

	private Trained trainAndStore(String key, List<LabelledText> examples) {
		try {
			OpenNlpIntentClassifier model = train(examples);
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			model.write(bytes);
			this.store.save(key, bytes.toByteArray());
			log.info("Trained the intent model {}", key);
			return new Trained(model, bytes.toByteArray());
		}
		catch (IOException ex) {
			this.store.release(key);
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			this.store.release(key);
			throw ex;
		}
	}

	/** Puts a new model in service; results cached for the old one go with it. */
	public void use(OpenNlpIntentClassifier classifier) {
		Cache<String, Classification> cache = Caffeine.newBuilder()
			.maximumSize(this.settings.cacheSize())
			.recordStats()
			.build();
		this.loaded.set(new Loaded(classifier, cache));
	}

	public IntentCorpus corpus() {
		return this.corpus;
	}

	public Optional<Intent> intent(String name) {
		return this.corpus.find(name);
	}

	public CacheStats cacheStats() {
		return this.loaded.get().cache.stats();
	}

	/** A model with its stored form. */
	private record Trained(OpenNlpIntentClassifier classifier, byte[] bytes) {
	}

	private record Loaded(OpenNlpIntentClassifier classifier, Cache<String, Classification> cache) {
	}

}
