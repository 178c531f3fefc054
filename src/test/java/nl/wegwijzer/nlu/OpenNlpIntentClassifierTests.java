package nl.wegwijzer.nlu;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenNlpIntentClassifierTests {

	private static final TextPipeline PIPELINE = new TextPipeline(TextPipeline.Language.NL);

	private static final NluSettings SETTINGS = new NluSettings(0.3, 0.1, 0.5, 0, 100, 1, 100, "unused");

	private static final List<LabelledText> TINY = List.of(new LabelledText("duur", "hoe lang duurt een project"),
			new LabelledText("duur", "wat is de looptijd"), new LabelledText("duur", "hoeveel jaar duurt het"),
			new LabelledText("duur", "looptijd van het partnerschap"),
			new LabelledText("partners", "hoeveel partners zijn nodig"),
			new LabelledText("partners", "met hoeveel organisaties moet je zijn"),
			new LabelledText("partners", "minimaal aantal partners"),
			new LabelledText("partners", "hoeveel organisaties doen mee"),
			new LabelledText("buiten_scope", "wat wordt het weer morgen"),
			new LabelledText("buiten_scope", "ik zoek een recept voor appeltaart"),
			new LabelledText("buiten_scope", "wie won het wk voetbal"),
			new LabelledText("buiten_scope", "hoe laat gaat de trein"));

	@Test
	void shouldLearnATinyCorpus() {
		OpenNlpIntentClassifier classifier = OpenNlpIntentClassifier.train(TINY, PIPELINE, SETTINGS);
		assertThat(classifier.classify("Hoe lang duurt zo'n project?").intent()).isEqualTo("duur");
		assertThat(classifier.classify("hoeveel partners heb ik nodig").intent()).isEqualTo("partners");
		assertThat(classifier.classify("wat wordt het weer").intent()).isEqualTo(Classification.FALLBACK);
	}

	@Test
	void shouldTrustAnIntentFarAheadOfTheNextBelowTheMinimumConfidence() {
		List<ScoredIntent> greeting = List.of(new ScoredIntent("groet", 0.42), new ScoredIntent("duur", 0.04),
				new ScoredIntent("buiten_scope", 0.03));
		List<ScoredIntent> spread = List.of(new ScoredIntent("groet", 0.42), new ScoredIntent("duur", 0.10),
				new ScoredIntent("buiten_scope", 0.03));
		List<ScoredIntent> weak = List.of(new ScoredIntent("groet", 0.20), new ScoredIntent("duur", 0.01),
				new ScoredIntent("buiten_scope", 0.01));
		Thresholds thresholds = new Thresholds(0.45, 0.2, 0.65, 8);

		assertThat(OpenNlpIntentClassifier.decide(greeting, thresholds).intent()).isEqualTo("groet");
		assertThat(OpenNlpIntentClassifier.decide(spread, thresholds).understood()).isFalse();
		assertThat(OpenNlpIntentClassifier.decide(weak, thresholds).understood()).isFalse();
		assertThat(OpenNlpIntentClassifier.decide(greeting, new Thresholds(0.45, 0.2, 0.65, 0)).understood()).isFalse();
	}

	@Test
	void shouldOfferTwoCloseIntentsRatherThanGiveUp() {
		List<ScoredIntent> cookies = List.of(new ScoredIntent("cookies_wat", 0.42), new ScoredIntent("cookies_welke", 0.30),
				new ScoredIntent("buiten_scope", 0.10));
		Thresholds thresholds = new Thresholds(0.5, 0.1, 0.7, 8);

		Classification offered = OpenNlpIntentClassifier.decide(cookies, thresholds);
		assertThat(offered.understood()).isTrue();
		assertThat(offered.ambiguous()).isTrue();
		assertThat(offered.alternatives().subList(0, 2)).extracting(ScoredIntent::intent)
			.containsExactly("cookies_wat", "cookies_welke");
		assertThat(OpenNlpIntentClassifier.decide(cookies, new Thresholds(0.5, 0.1, 0.8, 8)).understood()).isFalse();
	}

	@Test
	void shouldFallBackWithoutAnyKnownWord() {
		OpenNlpIntentClassifier classifier = OpenNlpIntentClassifier.train(TINY, PIPELINE, SETTINGS);
		Classification result = classifier.classify("qwxz jjjj vbnm");
		assertThat(result.intent()).isEqualTo(Classification.FALLBACK);
		assertThat(result.understood()).isFalse();
	}

	@Test
	void shouldGiveTheSameResultsAfterASerialiseAndReloadRoundTrip() throws Exception {
		OpenNlpIntentClassifier trained = OpenNlpIntentClassifier.train(TINY, PIPELINE, SETTINGS);
		OpenNlpIntentClassifier reloaded = reload(trained);
		for (String text : List.of("hoe lang duurt het", "hoeveel partners", "weer morgen", "partnerschp looptijd")) {
			assertThat(reloaded.classify(text)).isEqualTo(trained.classify(text));
		}
	}

	@Test
	void shouldReadWordsAsTheDutchWordListKnowsThem() throws Exception {
		OpenNlpIntentClassifier reloaded = reload(OpenNlpIntentClassifier.train(TINY, PIPELINE, SETTINGS));

		assertThat(reloaded.tokens("wie ging")).as("another form of the example's \"gaat\"").containsExactly("wie", "gat");
		assertThat(reloaded.tokens("net partnrs")).as("a word is no typo, a misspelling is")
			.containsExactly("net", "partner");
		assertThat(reloaded.tokens("zoiets in Luik")).as("a function word and a place name tell no topic")
			.containsExactly("in");
	}

	@Test
	void shouldGiveTheSameResultsFromManyThreadsAsFromOne() throws Exception {
		OpenNlpIntentClassifier classifier = OpenNlpIntentClassifier.train(TINY, PIPELINE, SETTINGS);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			texts.add(TINY.get(i % TINY.size()).text() + (i % 3 == 0 ? " graag" : ""));
		}
		List<Classification> sequential = texts.stream().map(classifier::classify).toList();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Classification>> concurrent = texts.stream()
				.map((text) -> pool.submit(() -> classifier.classify(text)))
				.toList();
			for (int i = 0; i < texts.size(); i++) {
				assertThat(concurrent.get(i).get()).isEqualTo(sequential.get(i));
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** The classifier written to a model file and read back, as a stored model is. */
	private static OpenNlpIntentClassifier reload(OpenNlpIntentClassifier trained) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		trained.write(bytes);
		return OpenNlpIntentClassifier.read(new ByteArrayInputStream(bytes.toByteArray()), PIPELINE, SETTINGS);
	}

}
