package nl.wegwijzer.nlu;

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

/**
 * How long training the model on the full bundled corpus with the bundled settings takes: what the
 * server spends at start-up and on every retrain. One shot per iteration, since a training run is
 * seconds long; the first shot in each fork warms the JIT.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(3)
public class TrainingBenchmark {

	private List<LabelledText> examples;

	private TextPipeline pipeline;

	private NluSettings settings;

	@Setup
	public void loadCorpus() {
		ClassificationBenchmark.logLikeTheServer();
		this.examples = IntentCorpus.load(IntentCorpus.BUNDLED).examples();
		this.pipeline = new TextPipeline(TextPipeline.Language.NL);
		this.settings = NluSettings.bundled();
	}

	@Benchmark
	public OpenNlpIntentClassifier train() {
		return OpenNlpIntentClassifier.train(this.examples, this.pipeline, this.settings);
	}

}
