package nl.wegwijzer.nlu;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;


/**
 * {@code java -jar wegwijzer.jar evaluate [options]}: cross-validation on the intents and a score on
 * a held-out file that is never trained on, or the same pipeline on any doccat corpus.
 */
public final class EvaluationCommand {

	static final String USAGE = """
			Usage: evaluate [--folds N] [--seed N] [--intents LOCATION] [--sets FOLDER] [--tune] [--json]
			       evaluate --train FILE --test FILE [--lang nl|en] [--tune] [--json]
			  --folds N          cross-validation folds (default 10)
			  --seed N           shuffle seed (default 42)
			  --intents LOCATION intent files (default: the ones in the jar; e.g. file:intents/)
			  --sets FOLDER      held-out sets: heldout.tsv (label<TAB>text), emails.yml and multi.yml
			                     (default src/test/resources/nlu)
			  --train/--test     a corpus in OpenNLP's doccat format (label<TAB>text lines)
			  --lang             language of that corpus (default nl)
			  --tune             first choose min-confidence, min-margin and min-pair-confidence by
			                     cross-validation on the training examples, then score with them
			  --json             print the reports as JSON
			""";

	/** The out-of-scope share that tuning must keep: a wrong confident answer is worse than none. */
	static final double MIN_REJECTION = 0.95;

	private static final Set<String> FLAGS = Set.of("--json", "--tune");

	private EvaluationCommand() {
	}

	public static int run(String[] args, PrintStream out) {
		// OpenNLP logs every training iteration; outside the server nothing else sets its level.
		((Logger) LoggerFactory.getLogger("opennlp")).setLevel(Level.WARN);
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (FLAGS.contains(args[i])) {
				options.put(args[i], "true");
			}
			else if (args[i].startsWith("--") && i + 1 < args.length) {
				options.put(args[i], args[++i]);
			}
			else {
				out.print(USAGE);
				return 2;
			}
		}
		try {
			List<Object> reports = evaluate(options, NluSettings.bundled());
			if (options.containsKey("--json")) {
				out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(reports));
			}
			else {
				reports.forEach((report) -> print(report, out));
			}
			return 0;
		}
		catch (IOException | IllegalArgumentException ex) {
			out.println("evaluate: " + ex.getMessage());
			out.print(USAGE);
			return 2;
		}
	}

	private static List<Object> evaluate(Map<String, String> options, NluSettings bundled)
			throws IOException {
		int folds = Integer.parseInt(options.getOrDefault("--folds", "10"));
		long seed = Long.parseLong(options.getOrDefault("--seed", "42"));
		boolean tune = options.containsKey("--tune");
		List<Object> reports = new ArrayList<>();
		if (options.containsKey("--train") || options.containsKey("--test")) {
			if (!options.containsKey("--train") || !options.containsKey("--test")) {
				throw new IllegalArgumentException("--train and --test go together");
			}
			TextPipeline pipeline = new TextPipeline(TextPipeline.Language.of(options.getOrDefault("--lang", "nl")));
			List<LabelledText> train = LabelledText.readDoccat(Path.of(options.get("--train")));
			NluSettings settings = tune ? tuned(train, folds, seed, pipeline, bundled, reports) : bundled;
			IntentClassifier classifier = OpenNlpIntentClassifier.train(train, pipeline, settings);
			String test = options.get("--test");
			reports.add(Evaluation.report(test, Evaluation.predict(classifier, LabelledText.readDoccat(Path.of(test)))));
			return reports;
		}
		TextPipeline pipeline = new TextPipeline(TextPipeline.Language.NL);
		IntentCorpus corpus = IntentCorpus.load(options.getOrDefault("--intents", bundled.intents()));
		List<LabelledText> examples = corpus.examples();
		NluSettings settings = tune ? tuned(examples, folds, seed, pipeline, bundled, reports) : bundled;
		// Every set is scored the way the bot reads a message: through the message analysis.
		reports.add(Evaluation.report(folds + "-fold cross-validation on intents (seed " + seed + ")",
				Evaluation.crossValidate(examples, folds, seed, (train) -> asBot(
						new MessageAnalyzer(OpenNlpIntentClassifier.train(train, pipeline, settings), corpus.social())))));
		MessageAnalyzer analyzer = new MessageAnalyzer(OpenNlpIntentClassifier.train(examples, pipeline, settings),
				corpus.social());
		Path sets = Path.of(options.getOrDefault("--sets", "src/test/resources/nlu"));
		Path heldout = sets.resolve("heldout.tsv");
		if (Files.exists(heldout)) {
			reports.add(Evaluation.report("held-out " + heldout,
					Evaluation.predict(asBot(analyzer), LabelledText.readDoccat(heldout))));
		}
		for (String name : List.of("emails.yml", "multi.yml")) {
			Path file = sets.resolve(name);
			if (Files.exists(file)) {
				reports.add(Evaluation.reportMessages("held-out " + file, analyzer, LabelledMessage.readYaml(file)));
			}
		}
		return reports;
	}

	/** What the bot understands of a message, as a classifier: the first question it would answer. */
	private static IntentClassifier asBot(MessageAnalyzer analyzer) {
		return (text) -> analyzer.analyze(text).first();
	}

	/** Settings with the thresholds that cross-validation on {@code examples} chooses; the choice is reported. */
	private static NluSettings tuned(List<LabelledText> examples, int folds, long seed, TextPipeline pipeline,
			NluSettings settings, List<Object> reports) {
		List<Evaluation.Ranked> ranked = Evaluation.crossValidateRanks(examples, folds, seed,
				(train) -> OpenNlpIntentClassifier.train(train, pipeline, settings));
		Thresholds thresholds = Evaluation.tune(ranked, MIN_REJECTION);
		double[] score = Evaluation.score(ranked, thresholds);
		reports.add(new Tuning(thresholds, score[0], score[1]));
		return settings.with(thresholds);
	}

	/** The thresholds tuning chose, with the cross-validated figures they gave. */
	record Tuning(Thresholds thresholds, double inScopeAccuracy, double outOfScopeRejection) {
	}

	private static void print(Object result, PrintStream out) {
		if (result instanceof Evaluation.Report report) {
			print(report, out);
		}
		else if (result instanceof Evaluation.MultiReport report) {
			out.printf("%n== %s: %d messages%n", report.name(), report.messages());
			out.printf("all questions found %.3f   wrong extra intent %.3f   without in-scope question rejected %s%n",
					report.allFound(), report.wrongExtra(),
					report.outOfScopeRejection() == null ? "n/a" : String.format("%.3f", report.outOfScopeRejection()));
			report.misses().forEach((miss) -> out.println("  " + miss));
		}
		else if (result instanceof Tuning tuning) {
			out.printf("%n== tuned by cross-validation: min-confidence %.2f, min-margin %.2f, min-pair-confidence %.2f,"
					+ " min-lead %.0f (in-scope right %.3f, out-of-scope rejected %.3f)%n", tuning.thresholds().minConfidence(),
					tuning.thresholds().minMargin(), tuning.thresholds().minPairConfidence(), tuning.thresholds().minLead(),
					tuning.inScopeAccuracy(),
					tuning.outOfScopeRejection());
		}
	}

	private static void print(Evaluation.Report report, PrintStream out) {
		out.printf("%n== %s: %d examples%n", report.name(), report.examples());
		out.printf("accuracy %.3f   macro F1 %.3f   in-scope right %.3f   out-of-scope rejected %s%n",
				report.accuracy(), report.macroF1(), report.inScopeAccuracy(),
				report.outOfScopeRejection() == null ? "n/a" : String.format("%.3f", report.outOfScopeRejection()));
		out.printf("%n%-26s %9s %9s %9s %8s%n", "intent", "precision", "recall", "f1", "support");
		report.intents()
			.forEach((intent, s) -> out.printf("%-26s %9.3f %9.3f %9.3f %8d%n", intent, s.precision(), s.recall(), s.f1(),
					s.support()));
		out.printf("%nmost confused (expected -> predicted)%n");
		report.confusions().forEach((c) -> out.printf("%4d  %s -> %s%n", c.count(), c.expected(), c.predicted()));
	}

}
