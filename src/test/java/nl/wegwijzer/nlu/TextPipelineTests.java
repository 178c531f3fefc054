package nl.wegwijzer.nlu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextPipelineTests {

	private final TextPipeline pipeline = new TextPipeline(TextPipeline.Language.NL);

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Wat is een Sector-overstijgend partnerschap?   | wat is een sector overstijgend sectoroverstijgend partnerschap
			Mogen EU-landen meedoen?                       | mogen eu landen eulanden meedoen
			Mogen organisatie's uit België meedoen??       | mogen organisaties uit belgie meedoen
			HOELANG duurt het                              | hoe lang duurt het
			wij zijn een m.b.o. school                     | wij zijn een mbo school
			met twee of drie partners                      | met 2 of 3 partners
			we zijn met z'n tweeën                         | we zijn met zijn tweeen
			wat is zo'n partnerschap                       | wat is een partnerschap
			verlen\u200Bgen                                 | verlengen
			café—ondernemers                               | cafe ondernemers
			""")
	void shouldNormaliseDutchSpellingVariants(String text, String normalised) {
		assertThat(this.pipeline.normalize(text)).isEqualTo(normalised);
	}

	@ParameterizedTest
	@CsvSource({ "partnerschappen, partnerschap", "organisaties, organisatie", "aanvragen, aanvraag",
			"landen, land" })
	void shouldStemInflectionsToOneStem(String inflected, String base) {
		assertThat(this.pipeline.tokens(inflected)).containsExactly(this.pipeline.tokens(base));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			mag een school uit Albanië meedoen     | mag een school uit albanie land meedoen
			een Mexicaanse universiteit            | een mexicaanse land universiteit
			partners uit het Verenigd Koninkrijk   | partners uit het verenigd koninkrijk land
			uit welk land komen de partners        | uit welk land komen de partners
			""")
	void shouldFollowACountryWithTheWordLand(String text, String words) {
		assertThat(String.join(" ", this.pipeline.words(text))).isEqualTo(words);
		assertThat(new TextPipeline(TextPipeline.Language.EN).words("partners from Albania")).doesNotContain("land");
	}

	@ParameterizedTest
	@CsvSource({ "'', 0", "'?!...', 0", "'\u0000\u0007', 0", "'duur?', 1" })
	void shouldNeverFailOnOddInput(String text, int tokens) {
		assertThat(this.pipeline.tokens(text)).hasSize(tokens);
	}


	@Test
	void shouldFindTheWordsWrittenWithACapitalInsideASentence() {
		assertThat(this.pipeline.capitalised("School in Luik (België). Kan dat? Wij zijn uit Utrecht"))
			.containsExactlyInAnyOrder("luik", "belgie", "utrecht");
	}

}
