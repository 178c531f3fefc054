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
			Usage: evaluate [--folds N] [--seed N] [--intents LOCATION] [--heldout FILE] [--json]
			       evaluate --train FILE --test FILE [--lang nl|en] [--json]
			  --folds N          cross-validation folds (default 10)
			  --seed N           shuffle seed (default 42)
			  --intents LOCATION intent files (default: the ones in the jar; e.g. file:intents/)
			  --heldout FILE     held-out test file, label<TAB>text (default src/test/resources/nlu/heldout.tsv)
			  --train/--test     a corpus in OpenNLP's doccat format (label<TAB>text lines)
			  --lang             language of that corpus (default nl)
			  --json             print the reports as JSON
			""";

	private static final Set<String> FLAGS = Set.of("--json");

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
			List<Evaluation.Report> reports = evaluate(options, NluSettings.bundled());
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

	private static List<Evaluation.Report> evaluate(Map<String, String> options, NluSettings settings)
			throws IOException {
		if (options.containsKey("--train") || options.containsKey("--test")) {
			if (!options.containsKey("--train") || !options.containsKey("--test")) {
				throw new IllegalArgumentException("--train and --test go together");
			}
			TextPipeline pipeline = new TextPipeline(TextPipeline.Language.of(options.getOrDefault("--lang", "nl")));
			IntentClassifier classifier = OpenNlpIntentClassifier
				.train(LabelledText.readDoccat(Path.of(options.get("--train"))), pipeline, settings);
			String test = options.get("--test");
			return List.of(Evaluation.report(test, Evaluation.predict(classifier, LabelledText.readDoccat(Path.of(test)))));
		}
		int folds = Integer.parseInt(options.getOrDefault("--folds", "10"));
		long seed = Long.parseLong(options.getOrDefault("--seed", "42"));
		TextPipeline pipeline = new TextPipeline(TextPipeline.Language.NL);
		List<LabelledText> examples = IntentCorpus.load(options.getOrDefault("--intents", settings.intents()))
			.examples();
		List<Evaluation.Report> reports = new ArrayList<>();
		reports.add(Evaluation.report(folds + "-fold cross-validation on intents (seed " + seed + ")",
				Evaluation.crossValidate(examples, folds, seed,
						(train) -> OpenNlpIntentClassifier.train(train, pipeline, settings))));
		Path heldout = Path.of(options.getOrDefault("--heldout", "src/test/resources/nlu/heldout.tsv"));
		if (Files.exists(heldout)) {
			IntentClassifier classifier = OpenNlpIntentClassifier.train(examples, pipeline, settings);
			reports.add(Evaluation.report("held-out " + heldout,
					Evaluation.predict(classifier, LabelledText.readDoccat(heldout))));
		}
		return reports;
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
