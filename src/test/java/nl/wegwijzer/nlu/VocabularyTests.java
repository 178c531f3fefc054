package nl.wegwijzer.nlu;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VocabularyTests {

	private final UnaryOperator<String> stemmer = new TextPipeline(TextPipeline.Language.NL).stemmer();

	private final Vocabulary vocabulary = new Vocabulary(Set.of("looptijd", "project", "dur", "verleng", "partner",
			"land", "me", "museum", "het", "afgehaakt", "parker"), Map.of("afhak", "afgehaakt"));

	@Test
	void shouldBringAVerbFormToItsKnownStem() {
		assertThat(this.vocabulary.inflection("duurt", this.stemmer.apply("duurt"), this.stemmer)).isEqualTo("dur");
		assertThat(this.vocabulary.inflection("verlengd", this.stemmer.apply("verlengd"), this.stemmer))
			.isEqualTo("verleng");
		assertThat(this.vocabulary.inflection("met", "met", this.stemmer)).as("no stem of two letters").isEqualTo("met");
	}

	@Test
	void shouldCorrectATypoBeforeSplittingACompound() {
		assertThat(resolve("loptijd")).containsExactly("looptijd");
		assertThat(resolve("projectduur")).containsExactly("project", "dur");
		assertThat(resolve("verlengng")).as("two edits for a long word").containsExactly("verleng");
		assertThat(resolve("lnad")).as("two letters swapped are one edit").containsExactly("land");
	}

	@Test
	void shouldTakeTheLikelierTypoWhereTwoStemsAreAsNear() {
		assertThat(resolve("parners")).as("a letter left out, not a far key hit").containsExactly("partner");
	}

	@Test
	void shouldBringAWordOfTheLanguageToItsDictionaryFormInsteadOfCorrectingIt() {
		assertThat(resolve("musea", "museum")).containsExactly("museum");
		assertThat(resolve("afhaakt", "afhaken")).as("a form known from another word").containsExactly("afgehaakt");
		assertThat(resolve("projectduur", "projectduur")).containsExactly("project", "dur");
		assertThat(resolve("net", "net")).as("one edit from \"het\", but a word").isEmpty();
	}

	@Test
	void shouldLeaveWordsFarFromAnyKnownWordAlone() {
		assertThat(resolve("banaan")).isEmpty();
		assertThat(resolve("a".repeat(20_000))).isEmpty();
	}

	private List<String> resolve(String word, String... lemmas) {
		return this.vocabulary.resolve(word, this.stemmer.apply(word), List.of(lemmas), this.stemmer);
	}

}
