package nl.wegwijzer.nlu;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model trained on {@code intents/} with the settings the server uses: cross-validated, scored on
 * the held-out file it never saw, and kept away from the out-of-scope traps.
 */
class ModelQualityTests {

	private static final TextPipeline PIPELINE = new TextPipeline(TextPipeline.Language.NL);

	private static NluSettings settings;

	private static List<LabelledText> examples;

	private static OpenNlpIntentClassifier model;

	private static MessageAnalyzer analyzer;

	private static final Path SETS = Path.of("src/test/resources/nlu");

	@BeforeAll
	static void train() {
		settings = NluSettings.bundled();
		IntentCorpus corpus = IntentCorpus.load(IntentCorpus.BUNDLED);
		examples = corpus.examples();
		// The model the application trains, once per test JVM.
		model = new IntentService(settings, ModelStore.NONE).model(examples);
		analyzer = new MessageAnalyzer(model, corpus.social());
	}

	@Test
	void shouldCrossValidateAboveTheFloor() {
		// Three folds keep the test short; evaluate reports ten (docs/benchmarks.md).
		Evaluation.Report report = Evaluation.report("cv", Evaluation.crossValidate(examples, 3, 42,
				(train) -> OpenNlpIntentClassifier.train(train, PIPELINE, settings)));
		assertThat(report.inScopeAccuracy()).isGreaterThan(0.70);
		assertThat(report.outOfScopeRejection()).isGreaterThan(0.85);
	}

	@Test
	void shouldReadATextThroughTheServiceAsTheModelDoes() {
		IntentService service = new IntentService(settings, ModelStore.NONE);
		for (String text : List.of("wij zijn een school in Luik, mag dat?", "wij zijn een school in luik, mag dat?",
				"Wij zijn een school in Luik, mag dat?", "Hoeveel partners?")) {
			assertThat(service.classify(text)).as(text).isEqualTo(model.classify(text));
		}
	}

	@Test
	void shouldAnswerTheHeldOutQuestions() throws Exception {
		Evaluation.Report report = Evaluation.report("held-out",
				Evaluation.predict((text) -> analyzer.analyze(text).first(), LabelledText.readDoccat(SETS.resolve("heldout.tsv"))));
		assertThat(report.inScopeAccuracy()).isGreaterThan(0.80);
		assertThat(report.outOfScopeRejection()).isGreaterThan(0.85);
	}

	@ParameterizedTest
	@CsvSource({ "emails.yml, 40, 0.75", "multi.yml, 60, 0.65" })
	void shouldFindTheQuestionsOfHeldOutMessages(String file, int size, double floor) throws Exception {
		Evaluation.MultiReport report = Evaluation.reportMessages(file, analyzer,
				LabelledMessage.readYaml(SETS.resolve(file)));
		assertThat(report.messages()).isGreaterThanOrEqualTo(size);
		assertThat(report.allFound()).isGreaterThan(floor);
		assertThat(report.wrongExtra()).isLessThan(0.15);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Waarom is een vliegticket naar Spanje zo duur?", "hoe kan ik mijn rijbewijs verlengen",
			"ik wil huurtoeslag aanvragen", "Hoeveel Erasmus beurs krijg ik als student in Italië?",
			"mijn partner en ik gaan trouwen", "hoe laat landen we op Schiphol", "recept voor chocolate chip cookies",
			"sdfjklsdjf", "What is the capital of France?", "Kan ik mijn huurcontract verlengen?" })
	void shouldFallBackOnQuestionsThatAreNotItsOwn(String question) {
		assertThat(model.classify(question).intent()).isEqualTo(Classification.FALLBACK);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Hoe lang mag ons project duren?", "hoeveel partners hebben we minimaal nodig",
			"Mag een museum meedoen?", "kan het project verlengd worden", "wat is een cookie",
			"Waar moeten we de subsidie aanvragen?" })
	void shouldUnderstandPlainQuestions(String question) {
		assertThat(model.classify(question).understood()).isTrue();
	}

}
