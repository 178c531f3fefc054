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
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerEventStream;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * The OpenNLP document categorizer with Wegwijzer's out-of-scope decision on top. Immutable: the
 * {@link DoccatModel} is shared; every call extracts its own features with the model's feature
 * generators and asks the maxent model, whose evaluation keeps no state between calls (a concurrency
 * test checks it), instead of a {@link opennlp.tools.doccat.DocumentCategorizerME}, so that it can
 * weigh the features.
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
	 * Added to the tokens once for each word that no in-scope example uses. A question about something
	 * else ("hoe lang duurt een zwangerschap") brings such words; training teaches what they mean by
	 * marking, in each example, the words that no other in-scope example uses.
	 */
	private static final String NEW_WORD = "#nieuw";

	/** Added instead when every word occurs in an in-scope example. */
	private static final String ALL_KNOWN = "#bekend";

	/**
	 * The model file's manifest entry that lists the words of the in-scope examples. A model trained
	 * without out-of-scope examples (a benchmark corpus) has none, and its texts are not marked.
	 */
	private static final String IN_SCOPE_WORDS = "Wegwijzer-In-Scope-Words";

	/**
	 * The model file's manifest entry that pairs the stem of a dictionary form with the stem of an
	 * example's word of that form ("afhak:afgehaakt"), so that other forms of the word meet it.
	 */
	private static final String FORMS = "Wegwijzer-Forms";

	/**
	 * Part of every model's {@link #key}: raise it when the features or the training change in a way
	 * the tokens do not show, so that stored models are trained again.
	 */
	private static final String FORMAT = "maxent bow+bigram+char2-5+first+new-words+forms v3";

	private final DoccatModel model;

	private final TextPipeline pipeline;

	private final NluSettings settings;

	private final Map<String, ?> knownFeatures;

	private final Vocabulary vocabulary;

	/** Null when the texts are not marked. */
	private final Set<String> inScopeWords;

	@SuppressWarnings("unchecked")
	private OpenNlpIntentClassifier(DoccatModel model, TextPipeline pipeline, NluSettings settings) {
		this.model = model;
		this.pipeline = pipeline;
		this.settings = settings;
		this.knownFeatures = (Map<String, ?>) ((AbstractModel) model.getMaxentModel()).getDataStructures()[1];
		this.vocabulary = new Vocabulary(this.knownFeatures.keySet()
			.stream()
			.filter((feature) -> feature.startsWith(WORD_FEATURE))
			.map((feature) -> feature.substring(WORD_FEATURE.length()))
			.filter((word) -> !isMarker(word))
			.collect(Collectors.toSet()), forms(model.getManifestProperty(FORMS)));
		String words = model.getManifestProperty(IN_SCOPE_WORDS);
		this.inScopeWords = words == null ? null : Set.of(words.split(" "));
	}

	public static OpenNlpIntentClassifier train(List<LabelledText> examples, TextPipeline pipeline,
			NluSettings settings) {
		TrainingParameters parameters = new TrainingParameters();
		parameters.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
		parameters.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
		parameters.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
		try {
			DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] { new BagOfWordsFeatureGenerator(),
					new NGramFeatureGenerator(), new CharNGramFeatureGenerator(), new FirstWordFeatureGenerator() });
			Samples samples = samples(examples, pipeline);
			Map<String, String> manifest = new HashMap<>();
			manifest.put(FORMS, samples.forms()
				.entrySet()
				.stream()
				.map((form) -> form.getKey() + ":" + form.getValue())
				.collect(Collectors.joining(" ")));
			if (marks(examples)) {
				manifest.put(IN_SCOPE_WORDS, String.join(" ", samples.inScopeWords()));
			}
			MaxentModel maxent = TrainerFactory.getEventTrainer(parameters, manifest)
				.train(new DocumentCategorizerEventStream(ObjectStreamUtils.createObjectStream(samples.samples()),
						factory.getFeatureGenerators()));
			return new OpenNlpIntentClassifier(
					new DoccatModel(pipeline.language().name().toLowerCase(), maxent, manifest, factory), pipeline,
					settings);
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
		for (DocumentSample sample : samples(examples, pipeline).samples()) {
			identity.append(sample.getCategory()).append('\t').append(String.join(" ", sample.getText())).append('\n');
		}
		return HexFormat.of().formatHex(sha256(identity.toString()));
	}

	/**
	 * Each example as the tokens the model learns from: inflections brought to one known form, and
	 * marked for the words that no other in-scope example uses, as a text the model has not seen is.
	 */
	private static Samples samples(List<LabelledText> examples, TextPipeline pipeline) {
		UnaryOperator<String> stemmer = pipeline.stemmer();
		List<String[]> texts = examples.stream().map((example) -> pipeline.words(example.text())).toList();
		Vocabulary vocabulary = new Vocabulary(
				texts.stream().flatMap(Arrays::stream).map(stemmer).collect(Collectors.toSet()));
		List<String[]> tokens = texts.stream()
			.map((words) -> Arrays.stream(words)
				.map((word) -> vocabulary.inflection(word, stemmer.apply(word), stemmer))
				.toArray(String[]::new))
			.toList();
		NavigableMap<String, Integer> inScopeUses = new TreeMap<>();
		for (int i = 0; i < examples.size(); i++) {
			if (inScope(examples.get(i).label())) {
				Arrays.stream(tokens.get(i)).distinct().forEach((word) -> inScopeUses.merge(word, 1, Integer::sum));
			}
		}
		boolean marks = marks(examples);
		List<DocumentSample> samples = new ArrayList<>();
		for (int i = 0; i < examples.size(); i++) {
			String label = examples.get(i).label();
			int own = inScope(label) ? 1 : 0;
			long novel = Arrays.stream(tokens.get(i)).distinct().filter((word) -> inScopeUses.getOrDefault(word, 0) == own).count();
			if (tokens.get(i).length > 0) {
				samples.add(new DocumentSample(label, marks ? mark(tokens.get(i), novel) : tokens.get(i)));
			}
		}
		// "afhaakt" meets "afgehaakt" of an example through their dictionary form "afhaken".
		Lexicon lexicon = pipeline.lexicon();
		NavigableMap<String, String> forms = new TreeMap<>();
		for (int i = 0; i < texts.size(); i++) {
			for (int j = 0; j < texts.get(i).length; j++) {
				String token = tokens.get(i)[j];
				lexicon.lemmas(texts.get(i)[j])
					.stream()
					.map(stemmer)
					.filter((lemma) -> !lemma.equals(token))
					.forEach((lemma) -> forms.putIfAbsent(lemma, token));
			}
		}
		return new Samples(samples, inScopeUses.navigableKeySet(), forms);
	}

	/** The {@link #FORMS} of a model's manifest. */
	private static Map<String, String> forms(String manifest) {
		return manifest == null || manifest.isEmpty() ? Map.of()
				: Arrays.stream(manifest.split(" "))
					.map((pair) -> pair.split(":", 2))
					.collect(Collectors.toMap((pair) -> pair[0], (pair) -> pair[1]));
	}

	private static boolean inScope(String label) {
		return !label.equals(OUT_OF_SCOPE);
	}

	/** Only out-of-scope examples can teach what a word that no in-scope example uses says. */
	private static boolean marks(List<LabelledText> examples) {
		return examples.stream().anyMatch((example) -> !inScope(example.label()));
	}

	/**
	 * The examples as the model learns them, the words (stems) the in-scope ones use, in order, and the
	 * stem of each dictionary form of their words with the stem that word became.
	 */
	private record Samples(List<DocumentSample> samples, SortedSet<String> inScopeWords,
			SortedMap<String, String> forms) {
	}

	/** The tokens followed by {@link #NEW_WORD} for each of their {@code novel} words, or {@link #ALL_KNOWN}. */
	private static String[] mark(String[] tokens, long novel) {
		List<String> marked = new ArrayList<>(Arrays.asList(tokens));
		marked.addAll(novel == 0 ? List.of(ALL_KNOWN) : Collections.nCopies((int) novel, NEW_WORD));
		return marked.toArray(String[]::new);
	}

	private static boolean isMarker(String word) {
		return word.equals(NEW_WORD) || word.equals(ALL_KNOWN);
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

	/** The same model, deciding with the thresholds of {@code settings}. */
	public OpenNlpIntentClassifier with(NluSettings settings) {
		return new OpenNlpIntentClassifier(this.model, this.pipeline, settings);
	}

	public void write(OutputStream out) throws IOException {
		this.model.serialize(out);
	}

	public TextPipeline pipeline() {
		return this.pipeline;
	}

	/**
	 * The tokens the model sees: stems, with inflections brought to their known form and unknown
	 * words to the known words they stand for (other forms of a word, compound parts, typo
	 * corrections); an unknown function word or place name is left out.
	 */
	String[] tokens(String text) {
		UnaryOperator<String> stemmer = this.pipeline.stemmer();
		Lexicon lexicon = this.pipeline.lexicon();
		Set<String> capitalised = this.pipeline.capitalised(text);
		List<String> tokens = new ArrayList<>();
		for (String word : this.pipeline.words(text)) {
			String stem = this.vocabulary.inflection(word, stemmer.apply(word), stemmer);
			if (this.vocabulary.knows(stem)) {
				tokens.add(stem);
			}
			// An unknown "zoiets" or "in Luik" tells nothing of the topic, so it is not a new word either.
			else if (!lexicon.functionWord(word) && !(capitalised.contains(word) && lexicon.place(word))) {
				List<String> known = this.vocabulary.resolve(word, stem, lexicon.lemmas(word), stemmer);
				tokens.addAll(known.isEmpty() ? List.of(stem) : known);
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
		String[] marked = this.inScopeWords == null ? tokens : mark(tokens,
				Arrays.stream(tokens).distinct().filter((word) -> !this.inScopeWords.contains(word)).count());
		List<String> features = new ArrayList<>();
		for (FeatureGenerator generator : this.model.getFactory().getFeatureGenerators()) {
			features.addAll(generator.extractFeatures(marked, Map.of()));
		}
		// A long text has many features and the model's probabilities saturate with their number: above
		// the length of a typical question, each feature counts less, so the evidence weighs as much as
		// in one question.
		float[] values = new float[features.size()];
		Arrays.fill(values, Math.min(1f, (float) DAMPING_TOKENS / marked.length));
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
