package nl.wegwijzer.nlu;

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
 * The bot's classifier: the model trained from {@code intents/} at start-up, with a cache of results
 * keyed by normalised text. A new model replaces the old one atomically, together with its cache.
 */
@Service
public class IntentService implements IntentClassifier {

	private static final Logger log = LoggerFactory.getLogger(IntentService.class);

	private final NluSettings settings;

	private final IntentCorpus corpus;

	private final TextPipeline pipeline = new TextPipeline(TextPipeline.Language.NL);

	private final AtomicReference<Loaded> loaded = new AtomicReference<>();

	private final MessageAnalyzer analyzer;

	public IntentService(NluSettings settings) {
		this.settings = settings;
		this.corpus = IntentCorpus.load(settings.intents());
		this.analyzer = new MessageAnalyzer(this, this.corpus.social());
		List<LabelledText> examples = this.corpus.examples();
		long start = System.nanoTime();
		use(train(examples));
		log.info("Trained the intent model on {} examples of {} intents in {} ms", examples.size(),
				this.corpus.intents().size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
	}

	@Override
	public Classification classify(String text) {
		Loaded current = this.loaded.get();
		return current.cache.get(current.classifier.pipeline().normalize(text), current.classifier::classify);
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

	private record Loaded(OpenNlpIntentClassifier classifier, Cache<String, Classification> cache) {
	}

}
