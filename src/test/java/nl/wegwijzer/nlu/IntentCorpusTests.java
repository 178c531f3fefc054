package nl.wegwijzer.nlu;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled intents are complete enough to train on and to answer from. */
class IntentCorpusTests {

	private final IntentCorpus corpus = IntentCorpus.load(IntentCorpus.BUNDLED);

	@Test
	void shouldCoverEverySectionOfThePageAndTheConversation() {
		assertThat(this.corpus.intents()).extracting(Intent::name)
			.contains("definitie", "mogelijkheden", "doel", "deelnemers", "voorbeeld_activiteiten",
					"voorbeeld_organisaties", "duur", "verlenging", "aantal_partners", "landen", "aanvrager",
					"waar_aanvragen", "combinatie", "geschiktheid", "cookies_wat", "cookies_welke",
					"cookies_verwijderen", "groet", "bedankt", "afscheid", "wat_kun_je", "medewerker", "opnieuw",
					OpenNlpIntentClassifier.OUT_OF_SCOPE);
	}

	@Test
	void shouldGiveEveryIntentEnoughExamplesAnAnswerAndAWayForward() {
		for (Intent intent : this.corpus.intents()) {
			assertThat(intent.examples()).as(intent.name()).hasSizeGreaterThanOrEqualTo(40);
			assertThat(intent.answer()).as(intent.name()).isNotBlank();
			assertThat(intent.label()).as(intent.name()).isNotBlank();
			assertThat(intent.quickReplies()).as(intent.name()).isNotEmpty();
		}
	}

	@Test
	void shouldNotTeachTheSameTextAsTwoIntents() {
		TextPipeline pipeline = new TextPipeline(TextPipeline.Language.NL);
		Map<String, String> seen = new HashMap<>();
		for (LabelledText example : this.corpus.examples()) {
			String previous = seen.putIfAbsent(pipeline.normalize(example.text()), example.label());
			assertThat(previous == null || previous.equals(example.label()))
				.as("'%s' is both %s and %s", example.text(), previous, example.label())
				.isTrue();
		}
	}

	@Test
	void shouldQuoteTheSeedFactsExactly() {
		assertThat(answer("duur")).contains("2 of 3 jaar");
		assertThat(answer("verlenging")).contains("6 maanden").contains("3 jaar");
		assertThat(answer("aantal_partners")).contains("drie organisaties").contains("drie verschillende");
		assertThat(answer("landen")).contains("partnerland").contains("programmaland");
	}

	private String answer(String intent) {
		return this.corpus.find(intent).map(Intent::answer).orElseThrow();
	}

	@Test
	void shouldListIntentsInAStableOrder() {
		List<String> names = this.corpus.intents().stream().map(Intent::name).toList();
		assertThat(names).isSorted();
	}

}
