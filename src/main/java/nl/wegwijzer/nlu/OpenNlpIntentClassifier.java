package nl.wegwijzer.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * The OpenNLP document categorizer with Wegwijzer's out-of-scope decision on top. Immutable: the
 * {@link DoccatModel} is shared; every call extracts its own features with the model's feature
 * generators and asks the maxent model, whose evaluation keeps no state between calls (a concurrency
 * test checks it), instead of a {@link DocumentCategorizerME}, so that it can weigh the features.
 */
public final class OpenNlpIntentClassifier implements IntentClassifier {

	/** The intent that holds the negatives: questions that are not this bot's to answer. */
	public static final String OUT_OF_SCOPE = "buiten_scope";

	private static final String WORD_FEATURE = "bow=";

	/**
	 * A text without a single known word is still classified when at least this share of its
	 * character n-grams is known: a misspelling too far from any word can still be recognised.
	 */
	private static final double MIN_KNOWN_NGRAMS = 0.5;

	private static final FeatureGenerator CHAR_NGRAMS = new CharNGramFeatureGenerator();

	private static final int DAMPING_TOKENS = 12;

	/**
	 * Part of every model's {@link #key}: raise it when the features or the training change in a way
	 * the tokens do not show, so that stored models are trained again.
	 */
	private static final String FORMAT = "maxent bow+bigram+char3-5 v1";

	private final DoccatModel model;

	private final TextPipeline pipeline;

	private final NluSettings settings;

	private final Map<String, ?> knownFeatures;

	private final Vocabulary vocabulary;

	@SuppressWarnings("unchecked")
	public OpenNlpIntentClassifier(DoccatModel model, TextPipeline pipeline, NluSettings settings) {
		this.model = model;
		this.pipeline = pipeline;
		this.settings = settings;
		this.knownFeatures = (Map<String, ?>) ((AbstractModel) model.getMaxentModel()).getDataStructures()[1];
		this.vocabulary = new Vocabulary(this.knownFeatures.keySet()
			.stream()
			.filter((feature) -> feature.startsWith(WORD_FEATURE))
			.map((feature) -> feature.substring(WORD_FEATURE.length()))
			.collect(Collectors.toSet()));
	}

	public static OpenNlpIntentClassifier train(List<LabelledText> examples, TextPipeline pipeline,
			NluSettings settings) {
		TrainingParameters parameters = new TrainingParameters();
		parameters.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
		parameters.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
		parameters.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
		try {
			DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] { new BagOfWordsFeatureGenerator(),
					new NGramFeatureGenerator(), new CharNGramFeatureGenerator() });
			DoccatModel model = DocumentCategorizerME.train(pipeline.language().name().toLowerCase(),
					ObjectStreamUtils.createObjectStream(samples(examples, pipeline)), parameters, factory);
			return new OpenNlpIntentClassifier(model, pipeline, settings);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What identifies a model: a hash of the tokens and labels it learns from, the training settings
	 * and {@link #FORMAT}. Two trainings with the same key give the same model, so a stored one serves.
	 */
	public static String key(List<LabelledText> examples, TextPipeline pipeline, NluSettings settings) {
		StringBuilder identity = new StringBuilder(FORMAT).append('\n')
			.append(settings.iterations())
			.append(' ')
			.append(settings.cutoff())
			.append('\n');
		for (DocumentSample sample : samples(examples, pipeline)) {
			identity.append(sample.getCategory()).append('\t').append(String.join(" ", sample.getText())).append('\n');
		}
		return HexFormat.of().formatHex(sha256(identity.toString()));
	}

	/** Each example as the tokens the model learns from, inflections brought to one known form. */
	private static List<DocumentSample> samples(List<LabelledText> examples, TextPipeline pipeline) {
		UnaryOperator<String> stemmer = pipeline.stemmer();
		List<String[]> texts = examples.stream().map((example) -> pipeline.words(example.text())).toList();
		Vocabulary vocabulary = new Vocabulary(
				texts.stream().flatMap(Arrays::stream).map(stemmer).collect(Collectors.toSet()));
		List<DocumentSample> samples = new ArrayList<>();
		for (int i = 0; i < examples.size(); i++) {
			String[] tokens = Arrays.stream(texts.get(i))
				.map((word) -> vocabulary.inflection(word, stemmer.apply(word), stemmer))
				.toArray(String[]::new);
			if (tokens.length > 0) {
				samples.add(new DocumentSample(examples.get(i).label(), tokens));
			}
		}
		return samples;
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
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

	/**
	 * The tokens the model sees: stems, with inflections brought to their known form and unknown
	 * words to the known words they stand for (compound parts, typo corrections).
	 */
	String[] tokens(String text) {
		UnaryOperator<String> stemmer = this.pipeline.stemmer();
		List<String> tokens = new ArrayList<>();
		for (String word : this.pipeline.words(text)) {
			String stem = this.vocabulary.inflection(word, stemmer.apply(word), stemmer);
			List<String> known = this.vocabulary.knows(stem) ? List.of() : this.vocabulary.resolve(word, stem, stemmer);
			if (known.isEmpty()) {
				tokens.add(stem);
			}
			else {
				tokens.addAll(known);
			}
		}
		return tokens.toArray(String[]::new);
	}

	@Override
	public Classification classify(String text) {
		return decide(rank(text), this.settings.thresholds());
	}

	/** Every intent with the model's probability, best first; empty when the text is unknown to the model. */
	public List<ScoredIntent> rank(String text) {
		String[] tokens = tokens(text);
		// Without a single word or most of the word parts the model has seen, any probability it gives is a guess.
		if (Arrays.stream(tokens).noneMatch(this.vocabulary::knows) && knownNGramShare(tokens) < MIN_KNOWN_NGRAMS) {
			return List.of();
		}
		List<String> features = new ArrayList<>();
		for (FeatureGenerator generator : this.model.getFactory().getFeatureGenerators()) {
			features.addAll(generator.extractFeatures(tokens, Map.of()));
		}
		// A long text has many features and the model's probabilities saturate with their number: above
		// the length of a typical question, each feature counts less, so the evidence weighs as much as
		// in one question.
		float[] values = new float[features.size()];
		Arrays.fill(values, Math.min(1f, (float) DAMPING_TOKENS / tokens.length));
		MaxentModel maxent = this.model.getMaxentModel();
		double[] scores = maxent.eval(features.toArray(String[]::new), values);
		List<ScoredIntent> ranked = new ArrayList<>(scores.length);
		for (int i = 0; i < scores.length; i++) {
			ranked.add(new ScoredIntent(maxent.getOutcome(i), scores[i]));
		}
		ranked.sort(Comparator.comparingDouble(ScoredIntent::score).reversed());
		return ranked;
	}

	/** Wegwijzer's out-of-scope decision on the model's ranking. */
	public static Classification decide(List<ScoredIntent> ranked, Thresholds thresholds) {
		if (ranked.isEmpty()) {
			return new Classification(Classification.FALLBACK, 0, List.of(), false);
		}
		ScoredIntent best = ranked.get(0);
		ScoredIntent second = ranked.size() > 1 ? ranked.get(1) : new ScoredIntent(OUT_OF_SCOPE, 0);
		List<ScoredIntent> top = ranked.subList(0, Math.min(3, ranked.size()));
		boolean close = best.score() - second.score() < thresholds.minMargin();
		if (best.intent().equals(OUT_OF_SCOPE) || (close && second.intent().equals(OUT_OF_SCOPE))) {
			return new Classification(Classification.FALLBACK, best.score(), top, false);
		}
		boolean leads = thresholds.minLead() > 0 && best.score() >= thresholds.minConfidence() / 2
				&& best.score() >= thresholds.minLead() * second.score();
		if (best.score() >= thresholds.minConfidence() || leads) {
			return new Classification(best.intent(), best.score(), top, close);
		}
		// Torn between two of its own intents ("cookies"): asking which is better than giving up.
		if (!second.intent().equals(OUT_OF_SCOPE) && best.score() + second.score() >= thresholds.minPairConfidence()) {
			return new Classification(best.intent(), best.score(), top, true);
		}
		return new Classification(Classification.FALLBACK, best.score(), top, false);
	}

	private double knownNGramShare(String[] tokens) {
		Collection<String> ngrams = CHAR_NGRAMS.extractFeatures(tokens, Map.of());
		return ngrams.isEmpty() ? 0
				: (double) ngrams.stream().filter(this.knownFeatures::containsKey).count() / ngrams.size();
	}

}
