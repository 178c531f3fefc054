package nl.wegwijzer.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * The OpenNLP document categorizer with Wegwijzer's out-of-scope decision on top. Immutable: the
 * {@link DoccatModel} is shared, and every call gets its own {@link DocumentCategorizerME} because
 * that class is not documented as thread-safe.
 */
public final class OpenNlpIntentClassifier implements IntentClassifier {

	/** The intent that holds the negatives: questions that are not this bot's to answer. */
	public static final String OUT_OF_SCOPE = "buiten_scope";

	private static final String WORD_FEATURE = "bow=";

	private final DoccatModel model;

	private final TextPipeline pipeline;

	private final NluSettings settings;

	private final Map<String, ?> knownFeatures;

	@SuppressWarnings("unchecked")
	public OpenNlpIntentClassifier(DoccatModel model, TextPipeline pipeline, NluSettings settings) {
		this.model = model;
		this.pipeline = pipeline;
		this.settings = settings;
		this.knownFeatures = (Map<String, ?>) ((AbstractModel) model.getMaxentModel()).getDataStructures()[1];
	}

	public static OpenNlpIntentClassifier train(List<LabelledText> examples, TextPipeline pipeline,
			NluSettings settings) {
		List<DocumentSample> samples = examples.stream()
			.map((example) -> new DocumentSample(example.label(), pipeline.tokens(example.text())))
			.filter((sample) -> sample.getText().length > 0)
			.toList();
		TrainingParameters parameters = new TrainingParameters();
		parameters.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
		parameters.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
		parameters.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
		try {
			DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] { new BagOfWordsFeatureGenerator(),
					new NGramFeatureGenerator(), new CharNGramFeatureGenerator() });
			DoccatModel model = DocumentCategorizerME.train(pipeline.language().name().toLowerCase(),
					ObjectStreamUtils.createObjectStream(samples), parameters, factory);
			return new OpenNlpIntentClassifier(model, pipeline, settings);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static OpenNlpIntentClassifier read(InputStream in, TextPipeline pipeline, NluSettings settings)
			throws IOException {
		return new OpenNlpIntentClassifier(new DoccatModel(in), pipeline, settings);
	}

	public void write(OutputStream out) throws IOException {
		this.model.serialize(out);
	}

	public TextPipeline pipeline() {
		return this.pipeline;
	}

	@Override
	public Classification classify(String text) {
		String[] tokens = this.pipeline.tokens(text);
		// Without a single word the model has seen, any probability it gives is a guess.
		if (Arrays.stream(tokens).noneMatch((token) -> this.knownFeatures.containsKey(WORD_FEATURE + token))) {
			return new Classification(Classification.FALLBACK, 0, List.of(), false);
		}
		DocumentCategorizerME categorizer = new DocumentCategorizerME(this.model);
		double[] scores = categorizer.categorize(tokens);
		List<ScoredIntent> ranked = new ArrayList<>(scores.length);
		for (int i = 0; i < scores.length; i++) {
			ranked.add(new ScoredIntent(categorizer.getCategory(i), scores[i]));
		}
		ranked.sort(Comparator.comparingDouble(ScoredIntent::score).reversed());
		ScoredIntent best = ranked.get(0);
		ScoredIntent second = ranked.size() > 1 ? ranked.get(1) : new ScoredIntent(OUT_OF_SCOPE, 0);
		List<ScoredIntent> top = ranked.subList(0, Math.min(3, ranked.size()));
		boolean close = best.score() - second.score() < this.settings.minMargin();
		if (best.intent().equals(OUT_OF_SCOPE) || (close && second.intent().equals(OUT_OF_SCOPE))) {
			return new Classification(Classification.FALLBACK, best.score(), top, false);
		}
		if (best.score() >= this.settings.minConfidence()) {
			return new Classification(best.intent(), best.score(), top, close);
		}
		// Torn between two of its own intents ("cookies"): asking which is better than giving up.
		if (!second.intent().equals(OUT_OF_SCOPE)
				&& best.score() + second.score() >= this.settings.minPairConfidence()) {
			return new Classification(best.intent(), best.score(), top, true);
		}
		return new Classification(Classification.FALLBACK, best.score(), top, false);
	}

}
