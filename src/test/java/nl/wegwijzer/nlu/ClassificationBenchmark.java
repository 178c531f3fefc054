package nl.wegwijzer.nlu;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Latency of classifying one visitor utterance, over the held-out utterances in turn: the bare
 * classifier (what a cache miss costs) and {@link IntentService} with every utterance already cached
 * (normalisation plus a cache hit). SampleTime gives the percentiles, AverageTime the mean.
 */
@BenchmarkMode({ Mode.SampleTime, Mode.AverageTime })
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(2)
public class ClassificationBenchmark {

	@Benchmark
	public Classification uncached(Classifier classifier, Utterances utterances) {
		return classifier.classifier.classify(utterances.next());
	}

	@Benchmark
	public Classification cached(WarmService service, Utterances utterances) {
		return service.service.classify(utterances.next());
	}

	/** As the server's {@code logging.level.opennlp}: no line per training iteration. */
	static void logLikeTheServer() {
		LoggingSystem.get(ClassificationBenchmark.class.getClassLoader()).setLogLevel("opennlp", LogLevel.WARN);
	}

	static List<LabelledText> heldOut() {
		try {
			return LabelledText.readDoccat(Path.of(ClassificationBenchmark.class.getResource("/nlu/heldout.tsv").toURI()));
		}
		catch (IOException | URISyntaxException ex) {
			throw new IllegalStateException("Cannot read the held-out utterances", ex);
		}
	}

	/** The model trained on the bundled intents with the bundled settings, without a cache. */
	@State(Scope.Benchmark)
	public static class Classifier {

		OpenNlpIntentClassifier classifier;

		@Setup
		public void train() {
			logLikeTheServer();
			this.classifier = OpenNlpIntentClassifier.train(IntentCorpus.load(IntentCorpus.BUNDLED).examples(),
					new TextPipeline(TextPipeline.Language.NL), NluSettings.bundled());
		}

	}

	/** The service as the server builds it, its cache filled with every held-out utterance. */
	@State(Scope.Benchmark)
	public static class WarmService {

		IntentService service;

		@Setup
		public void warm() {
			logLikeTheServer();
			this.service = new IntentService(NluSettings.bundled(), ModelStore.NONE);
			heldOut().forEach((utterance) -> this.service.classify(utterance.text()));
		}

	}

	/** Each call takes the next held-out utterance, so a result is the mix over all of them. */
	@State(Scope.Thread)
	public static class Utterances {

		String[] texts;

		int next;

		@Setup
		public void read() {
			this.texts = heldOut().stream().map(LabelledText::text).toArray(String[]::new);
		}

		String next() {
			String text = this.texts[this.next];
			this.next = (this.next + 1) % this.texts.length;
			return text;
		}

	}

}
