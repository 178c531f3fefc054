package nl.wegwijzer.nlu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Scores a classifier the way {@code rasa test nlu} does: per-intent precision, recall and F1, the
 * pairs it confuses most, and for Wegwijzer the share of out-of-scope questions it turns down.
 * A fallback counts as the prediction {@link OpenNlpIntentClassifier#OUT_OF_SCOPE}.
 */
public final class Evaluation {

	private Evaluation() {
	}

	/** One test utterance, what it should be and what the classifier said. */
	public record Prediction(String text, String expected, String predicted) {

		boolean correct() {
			return this.expected.equals(this.predicted);
		}

	}

	public record Scores(double precision, double recall, double f1, int support) {
	}

	public record Confusion(String expected, String predicted, long count) {
	}

	/**
	 * @param outOfScopeRejection share of out-of-scope questions that fell back, or {@code null}
	 * without any
	 * @param inScopeAccuracy share of the other questions that got their own intent
	 */
	public record Report(String name, int examples, double accuracy, double macroF1, Double outOfScopeRejection,
			double inScopeAccuracy, Map<String, Scores> intents, List<Confusion> confusions) {
	}

	public static List<Prediction> predict(IntentClassifier classifier, List<LabelledText> test) {
		return test.stream().map((example) -> {
			String intent = classifier.classify(example.text()).intent();
			String predicted = intent.equals(Classification.FALLBACK) ? OpenNlpIntentClassifier.OUT_OF_SCOPE : intent;
			return new Prediction(example.text(), example.label(), predicted);
		}).toList();
	}

	/**
	 * Stratified k-fold cross-validation: each intent's examples are shuffled with the seed and dealt
	 * over the folds, so every fold holds every intent.
	 */
	public static List<Prediction> crossValidate(List<LabelledText> examples, int folds, long seed,
			Function<List<LabelledText>, IntentClassifier> trainer) {
		Map<String, List<LabelledText>> byLabel = new TreeMap<>();
		examples.forEach((e) -> byLabel.computeIfAbsent(e.label(), (l) -> new ArrayList<>()).add(e));
		Random random = new Random(seed);
		List<List<LabelledText>> dealt = new ArrayList<>();
		IntStream.range(0, folds).forEach((i) -> dealt.add(new ArrayList<>()));
		for (List<LabelledText> group : byLabel.values()) {
			Collections.shuffle(group, random);
			for (int i = 0; i < group.size(); i++) {
				dealt.get(i % folds).add(group.get(i));
			}
		}
		return IntStream.range(0, folds).parallel().mapToObj((fold) -> {
			List<LabelledText> train = new ArrayList<>();
			for (int other = 0; other < folds; other++) {
				if (other != fold) {
					train.addAll(dealt.get(other));
				}
			}
			return predict(trainer.apply(train), dealt.get(fold));
		}).flatMap(List::stream).toList();
	}

	public static Report report(String name, List<Prediction> predictions) {
		TreeSet<String> labels = new TreeSet<>();
		predictions.forEach((p) -> {
			labels.add(p.expected());
			labels.add(p.predicted());
		});
		Map<String, Scores> intents = new LinkedHashMap<>();
		for (String label : labels) {
			long truePositives = predictions.stream().filter((p) -> p.correct() && p.expected().equals(label)).count();
			long predicted = predictions.stream().filter((p) -> p.predicted().equals(label)).count();
			long support = predictions.stream().filter((p) -> p.expected().equals(label)).count();
			double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
			double recall = support == 0 ? 0 : (double) truePositives / support;
			double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
			if (support > 0) {
				intents.put(label, new Scores(precision, recall, f1, (int) support));
			}
		}
		Map<List<String>, Long> pairs = new TreeMap<>(Comparator.comparing((List<String> pair) -> String.join(" ", pair)));
		predictions.stream()
			.filter((p) -> !p.correct())
			.forEach((p) -> pairs.merge(List.of(p.expected(), p.predicted()), 1L, Long::sum));
		List<Confusion> confusions = pairs.entrySet()
			.stream()
			.map((e) -> new Confusion(e.getKey().get(0), e.getKey().get(1), e.getValue()))
			.sorted(Comparator.comparingLong(Confusion::count).reversed())
			.limit(10)
			.toList();
		List<Prediction> outOfScope = predictions.stream()
			.filter((p) -> p.expected().equals(OpenNlpIntentClassifier.OUT_OF_SCOPE))
			.toList();
		List<Prediction> inScope = predictions.stream()
			.filter((p) -> !p.expected().equals(OpenNlpIntentClassifier.OUT_OF_SCOPE))
			.toList();
		return new Report(name, predictions.size(), share(predictions), intents.values().stream().mapToDouble(Scores::f1).average().orElse(0),
				outOfScope.isEmpty() ? null : share(outOfScope), share(inScope), intents, confusions);
	}

	private static double share(List<Prediction> predictions) {
		return predictions.isEmpty() ? 0 : (double) predictions.stream().filter(Prediction::correct).count() / predictions.size();
	}

}
