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

	/**
	 * Scores of a set of messages with several questions each.
	 *
	 * @param allFound share of the messages with in-scope questions whose questions were all found
	 * @param wrongExtra share of all messages where an in-scope intent was found that was not asked
	 * @param outOfScopeRejection share of the messages without an in-scope question where none was found,
	 * or {@code null} without any
	 * @param misses up to 20 messages that went wrong, with what was found
	 */
	public record MultiReport(String name, int messages, double allFound, double wrongExtra,
			Double outOfScopeRejection, List<String> misses) {
	}

	/** The corpus's own label for "no intent": {@code None} in the Braun et al. corpora, else Wegwijzer's. */
	static String negative(List<String> labels) {
		return labels.contains(NONE) ? NONE : OpenNlpIntentClassifier.OUT_OF_SCOPE;
	}

	static final String NONE = "None";

	/** Predictions for a test set; a fallback counts as the set's own "no intent" label. */
	public static List<Prediction> predict(IntentClassifier classifier, List<LabelledText> test) {
		String negative = negative(test.stream().map(LabelledText::label).toList());
		return test.stream().map((example) -> {
			String intent = classifier.classify(example.text()).intent();
			String predicted = intent.equals(Classification.FALLBACK) ? negative : intent;
			return new Prediction(example.text(), example.label(), predicted);
		}).toList();
	}

	public static MultiReport reportMessages(String name, MessageAnalyzer analyzer, List<LabelledMessage> test) {
		int asking = 0;
		int found = 0;
		int extra = 0;
		int negatives = 0;
		int rejected = 0;
		List<String> misses = new ArrayList<>();
		for (LabelledMessage message : test) {
			List<String> expected = message.inScope();
			List<String> got = analyzer.analyze(message.text()).intents();
			boolean allFound = got.containsAll(expected);
			boolean wrong = !expected.containsAll(got);
			if (expected.isEmpty()) {
				negatives++;
				rejected += got.isEmpty() ? 1 : 0;
			}
			else {
				asking++;
				found += allFound ? 1 : 0;
			}
			extra += wrong ? 1 : 0;
			if ((!allFound || wrong) && misses.size() < 20) {
				misses.add(expected + " -> " + got + ": " + message.text().replaceAll("\\s+", " "));
			}
		}
		return new MultiReport(name, test.size(), asking == 0 ? 0 : (double) found / asking,
				test.isEmpty() ? 0 : (double) extra / test.size(), negatives == 0 ? null : (double) rejected / negatives,
				misses);
	}

	/** The values of {@link Thresholds#minLead} that tuning tries; 0 is off. */
	private static final int[] LEADS = { 0, 3, 5, 8, 12, 20 };

	/** One held-out utterance and the model's ranking of it, for trying thresholds without retraining. */
	record Ranked(String expected, List<ScoredIntent> ranked) {
	}

	/**
	 * Cross-validated rankings of every example: each fold's model ranks the examples it did not see.
	 */
	static List<Ranked> crossValidateRanks(List<LabelledText> examples, int folds, long seed,
			Function<List<LabelledText>, OpenNlpIntentClassifier> trainer) {
		List<List<LabelledText>> dealt = deal(examples, folds, seed);
		return IntStream.range(0, folds).parallel().mapToObj((fold) -> {
			OpenNlpIntentClassifier model = trainer.apply(others(dealt, fold));
			return dealt.get(fold).stream().map((e) -> new Ranked(e.label(), model.rank(e.text()))).toList();
		}).flatMap(List::stream).toList();
	}

	/**
	 * The thresholds that answer most in-scope questions right (see {@link #score}) while at least {@code minRejection} of
	 * the out-of-scope ones fall back; where no setting reaches that, the one that rejects most.
	 */
	static Thresholds tune(List<Ranked> ranked, double minRejection) {
		Thresholds best = null;
		double[] bestScore = { -1, -1 };
		for (int c = 10; c <= 80; c += 5) {
			for (int m = 0; m <= 50; m += 5) {
				for (int p = c; p <= 95; p += 5) {
					for (int lead : LEADS) {
						Thresholds t = new Thresholds(c / 100.0, m / 100.0, p / 100.0, lead);
						double[] score = score(ranked, t);
						boolean meets = score[1] >= minRejection;
						boolean bestMeets = bestScore[1] >= minRejection;
						if (best == null || (meets && (!bestMeets || score[0] > bestScore[0]))
								|| (!meets && !bestMeets && score[1] > bestScore[1])) {
							best = t;
							bestScore = score;
						}
					}
				}
			}
		}
		return best;
	}

	/**
	 * In-scope value and out-of-scope rejection of rankings decided with {@code thresholds}. A plain
	 * right answer is worth 1; a "Bedoel je … of …?" that offers the right intent is worth half, because
	 * the visitor has to answer a question first; anything else is worth nothing.
	 */
	static double[] score(List<Ranked> ranked, Thresholds thresholds) {
		String negative = negative(ranked.stream().map(Ranked::expected).toList());
		int in = 0;
		double inRight = 0;
		int out = 0;
		int outRight = 0;
		for (Ranked r : ranked) {
			Classification c = OpenNlpIntentClassifier.decide(r.ranked(), thresholds);
			String predicted = c.understood() ? c.intent() : negative;
			if (r.expected().equals(negative)) {
				out++;
				outRight += predicted.equals(negative) ? 1 : 0;
			}
			else {
				in++;
				boolean offered = predicted.equals(r.expected()) || (c.ambiguous()
						&& c.alternatives().stream().limit(2).anyMatch((s) -> s.intent().equals(r.expected())));
				inRight += !offered ? 0 : c.ambiguous() ? 0.5 : 1;
			}
		}
		return new double[] { in == 0 ? 0 : inRight / in, out == 0 ? 1 : (double) outRight / out };
	}

	/**
	 * Stratified k-fold cross-validation: each intent's examples are shuffled with the seed and dealt
	 * over the folds, so every fold holds every intent.
	 */
	public static List<Prediction> crossValidate(List<LabelledText> examples, int folds, long seed,
			Function<List<LabelledText>, IntentClassifier> trainer) {
		List<List<LabelledText>> dealt = deal(examples, folds, seed);
		return IntStream.range(0, folds)
			.parallel()
			.mapToObj((fold) -> predict(trainer.apply(others(dealt, fold)), dealt.get(fold)))
			.flatMap(List::stream)
			.toList();
	}

	private static List<LabelledText> others(List<List<LabelledText>> dealt, int fold) {
		List<LabelledText> train = new ArrayList<>();
		for (int other = 0; other < dealt.size(); other++) {
			if (other != fold) {
				train.addAll(dealt.get(other));
			}
		}
		return train;
	}

	private static List<List<LabelledText>> deal(List<LabelledText> examples, int folds, long seed) {
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
		return dealt;
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
		String negative = negative(predictions.stream().map(Prediction::expected).toList());
		List<Prediction> outOfScope = predictions.stream().filter((p) -> p.expected().equals(negative)).toList();
		List<Prediction> inScope = predictions.stream().filter((p) -> !p.expected().equals(negative)).toList();
		return new Report(name, predictions.size(), share(predictions), intents.values().stream().mapToDouble(Scores::f1).average().orElse(0),
				outOfScope.isEmpty() ? null : share(outOfScope), share(inScope), intents, confusions);
	}

	private static double share(List<Prediction> predictions) {
		return predictions.isEmpty() ? 0 : (double) predictions.stream().filter(Prediction::correct).count() / predictions.size();
	}

}
