package nl.wegwijzer.consortium;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ConsortiumParserTests {

	private static final String NL = "Nederland";

	private static final String DE = "Duitsland";

	private static final String BE = "België";

	private static final String FR = "Frankrijk";

	private static final String MA = "Marokko";

	private static final Countries COUNTRIES = Countries.load();

	private final ConsortiumParser parser = new ConsortiumParser(COUNTRIES);

	static Stream<Arguments> phrasings() {
		return Stream.of(
				// The examples of the brief.
				said("wij zijn een mbo-school met twee partners uit Duitsland en België", 3, List.of(NL, DE, BE), NL),
				said("Wij zijn een Belgische school met twee partners uit Duitsland en Frankrijk", 3,
						List.of(BE, DE, FR), BE),
				said("we zijn met z'n tweeën", 2, List.of(), NL),
				said("drie organisaties uit Nederland", 3, List.of(NL), NL),
				said("een partner uit Marokko", 2, List.of(NL, MA), NL),
				said("wij zijn een organisatie uit Marokko en willen aanvragen", null, List.of(), MA),
				// Totals, the visitor's own organisation included.
				said("met ons drieën", 3, List.of(), NL),
				said("Met z’n 3en", 3, List.of(), NL),
				said("we zijn met een stuk of vier", 4, List.of(), NL),
				said("een stuk of vier organisaties", 4, List.of(), NL),
				said("Met twaalf organisaties", 12, List.of(), NL),
				said("drie", 3, List.of(), NL),
				said("ons consortium bestaat uit 4 organisaties", 4, List.of(), NL),
				said("We zijn drie Nederlandse organisaties", 3, List.of(NL), NL),
				said("We zijn met 5 organisaties uit Nederland, Duitsland, België en Frankrijk", 5,
						List.of(NL, DE, BE, FR), NL),
				said("we zijn een consortium van 4 partners uit Nederland, Turkije, Servië en IJsland", 4,
						List.of(NL, "Turkije", "Servië", "IJsland"), NL),
				said("wij zijn met z'n drieën uit Nederland, Duitsland en België", 3, List.of(NL, DE, BE), NL),
				said("we zijn met z'n drieën: twee uit Nederland en één uit Duitsland", 3, List.of(NL, DE), NL),
				said("Met z'n vieren: wij uit Nederland, twee scholen uit Duitsland en een bedrijf uit Polen", 4,
						List.of(NL, DE, "Polen"), NL),
				said("We zijn met vier organisaties uit drie landen", 4, List.of(), NL),
				said("we komen allemaal uit Nederland en zijn met z'n drieën", 3, List.of(NL), NL),
				// Partners, besides the visitor's own organisation.
				said("We hebben 6 partners", 7, List.of(), NL),
				said("We werken samen met drie scholen uit Spanje, Italië en Portugal", 4,
						List.of(NL, "Spanje", "Italië", "Portugal"), NL),
				said("we hebben twee Duitse partners en een Belgische", 4, List.of(NL, DE, BE), NL),
				said("we hebben een Duitse en een Belgische partner", 3, List.of(NL, DE, BE), NL),
				said("twee partners, één uit Duitsland en één uit Frankrijk", 3, List.of(NL, DE, FR), NL),
				said("samen met 2 Belgische scholen en een Franse ngo", 4, List.of(NL, BE, FR), NL),
				said("wij zijn een mbo 4 school met 2 partnerscholen in Denemarken en Zweden", 3,
						List.of(NL, "Denemarken", "Zweden"), NL),
				said("een school uit Schotland en een uit Zwitserland", 3,
						List.of(NL, "Verenigd Koninkrijk", "Zwitserland"), NL),
				said("twee organisaties uit Nederland en één uit Duitsland", 3, List.of(NL, DE), NL),
				said("we zijn een school in Nederland en werken samen met een hogeschool uit Finland en een bedrijf "
						+ "uit Estland", 3, List.of(NL, "Finland", "Estland"), NL),
				said("een partner uit de Verenigde Staten", 2, List.of(NL, "Verenigde Staten"), NL),
				said("Kunnen we met een organisatie uit Noord-Macedonië samenwerken?", 2,
						List.of(NL, "Noord-Macedonië"), NL),
				said("we zoeken nog een partner uit Spanje", null, List.of(), null),
				said("We hebben 3 partners uit Duitsland, België en Frankrijk en zoeken er nog een uit Turkije", 4,
						List.of(NL, DE, BE, FR), NL),
				said("Wij zijn een roc met een Finse en een Zweedse partner", 3, List.of(NL, "Finland", "Zweden"), NL),
				said("Wij zijn met 4 partners, waaronder een uit Marokko", 4, List.of(NL, MA), NL),
				said("we zijn 3 organisaties: een gemeente, een mbo en een bedrijf, allemaal uit Nederland", 3,
						List.of(NL), NL),
				said("we hebben 2 partners. Eén uit België en één uit Luxemburg.", 3, List.of(NL, BE, "Luxemburg"), NL),
				said("Het project heeft 3 partners: een uit Duitsland, een uit Polen en een uit Litouwen.", 4,
						List.of(NL, DE, "Polen", "Litouwen"), NL),
				said("we willen met 3 organisaties aanvragen, uit Nederland, Duitsland en Frankrijk", 3,
						List.of(NL, DE, FR), NL),
				said("Er doen 4 organisaties mee uit Nederland, België, Duitsland en Spanje", 4,
						List.of(NL, BE, DE, "Spanje"), NL),
				// Where the visitor's own organisation comes from.
				said("Wij komen uit Belgie", null, List.of(), BE),
				said("wij als Marokkaanse organisatie, kunnen wij aanvragen?", null, List.of(), MA),
				said("De aanvrager komt uit Tunesië", null, List.of(), "Tunesië"),
				said("Kan een organisatie uit Marokko de aanvraag indienen?", null, List.of(), MA),
				said("Ik ben docent op een school in Suriname", null, List.of(), "Suriname"),
				said("Ik vertegenwoordig een Poolse NGO met partners uit Tsjechië en Slowakije", null,
						List.of("Polen", "Tsjechië", "Slowakije"), "Polen"),
				said("ik werk bij een Turkse school en we hebben partners in Griekenland en Cyprus", null,
						List.of("Turkije", "Griekenland", "Cyprus"), "Turkije"),
				said("Wij zijn een Duitse school. Onze partners komen uit Nederland en Oostenrijk.", null,
						List.of(DE, NL, "Oostenrijk"), DE),
				said("We zijn een Engelse school met partners uit Nederland en Duitsland", null,
						List.of("Verenigd Koninkrijk", NL, DE), "Verenigd Koninkrijk"),
				// Only countries: an answer to "uit welke landen komen ze?".
				said("Duitsland en België", null, List.of(DE, BE), null),
				said("Nederland, Duitsland en België", null, List.of(NL, DE, BE), null),
				said("partners uit Latijns-Amerika", null, List.of(), null),
				// A country the lists do not hold is kept, as the visitor wrote it, so the verdict can name it.
				said("we zijn met drie organisaties uit Nederland, Duitsland en Lapland", 3, List.of(NL, DE, "Lapland"), NL),
				said("we zijn met drie organisaties uit nederland, duitsland en lapland", 3, List.of(NL, DE, "Lapland"), NL),
				said("partners uit Duitsland en Groenland.", null, List.of(NL, DE, "Groenland"), NL),
				// Words in such a list that are no country.
				said("twee partners uit Duitsland en uit het bedrijfsleven", 3, List.of(NL, DE), NL),
				said("we werken met scholen uit Duitsland en omgeving", null, List.of(NL, DE), NL),
				said("we hebben partners uit Duitsland en België en willen aanvragen", null, List.of(NL, DE, BE), NL),
				said("we zijn een school uit Utrecht met partners uit Duitsland en België", null, List.of(NL, DE, BE), NL));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("phrasings")
	void shouldReadOrganisationsAndCountries(String text, Integer organisations, List<String> countries,
			String applicant) {
		Consortium consortium = this.parser.parse(text);
		assertThat(consortium.organisations()).as("organisations").isEqualTo(organisations);
		assertThat(consortium.countries()).as("countries").isEqualTo(countries);
		assertThat(consortium.applicantCountry()).as("applicant").isEqualTo(applicant);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', textBlock = """
			project van 4 jaar                                                  | 48 |
			looptijd 30 maanden                                                 | 30 |
			verlengen met 8 maanden                                             |    | 8
			het project duurt 2 jaar                                            | 24 |
			looptijd van drie jaar met een verlenging van zes maanden           | 36 | 6
			het project duurt 2 jaar met 6 maanden verlenging                   | 24 | 6
			Ons project loopt 36 maanden en we willen het met 8 maanden verlengen | 36 | 8
			we willen het project een half jaar verlengen                       |    | 6
			we willen een tweejarig project                                     | 24 |
			een driejarig project                                               | 36 |
			anderhalf jaar                                                      | 18 |
			2,5 jaar                                                            | 30 |
			twee en een half jaar                                               | 30 |
			3 jaar en 6 maanden                                                 | 42 |
			24 mnd                                                              | 24 |
			een project van 2 of 3 jaar                                         |    |
			we werken al 10 jaar samen                                          |    |
			we hebben 20 jaar ervaring                                          |    |
			""")
	void shouldReadDurationAndExtension(String text, Integer duration, Integer extension) {
		Consortium consortium = this.parser.parse(text);
		assertThat(consortium.durationMonths()).as("duration").isEqualTo(duration);
		assertThat(consortium.extensionMonths()).as("extension").isEqualTo(extension);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', textBlock = """
			we zijn met z'n drieën en het project duurt twee jaar                   | 3 | 24 |
			Het project duurt 2 jaar en we hebben 3 partners                        | 4 | 24 |
			we zijn met 3 organisaties en het project duurt 24 maanden, met eventueel 6 maanden verlenging | 3 | 24 | 6
			we willen een tweejarig project met drie partners uit Duitsland, Polen en Spanje | 4 | 24 |
			project van 4 jaar met drie partners uit Duitsland, België en Frankrijk | 4 | 48 |
			we werken al 10 jaar samen met een school uit Duitsland                 | 2 |    |
			twee scholen en 3 jaar                                                  | 2 | 36 |
			We hebben al 3 keer eerder een project gedaan met 2 scholen uit Spanje  | 3 |    |
			Onze school heeft 1200 leerlingen en we willen met 3 partners een project van 2 jaar | 4 | 24 |
			we zijn met 4 voor 2 jaar en verlengen met 6 maanden                    | 4 | 24 | 6
			""")
	void shouldKeepOrganisationsApartFromYearsAndMonths(String text, Integer organisations, Integer duration,
			Integer extension) {
		Consortium consortium = this.parser.parse(text);
		assertThat(consortium.organisations()).as("organisations").isEqualTo(organisations);
		assertThat(consortium.durationMonths()).as("duration").isEqualTo(duration);
		assertThat(consortium.extensionMonths()).as("extension").isEqualTo(extension);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@NullAndEmptySource
	@ValueSource(strings = { "wij weten het nog niet", "hallo", "Wat is een strategisch partnerschap?",
			"Ik heb een vraag over de subsidie", "Wij zijn een mbo-school" })
	void shouldReadNothingFromTextWithoutFacts(String text) {
		assertThat(this.parser.parse(text).isEmpty()).isTrue();
	}

	@Test
	void shouldGatherAnswersToFollowUpQuestions() {
		Consortium consortium = this.parser.parse("we zijn met z'n drieën").merge(this.parser.parse("Duitsland en België"));
		assertThat(consortium).isEqualTo(new Consortium(3, List.of(DE, BE), null, null, NL));
	}

	private static Arguments said(String text, Integer organisations, List<String> countries, String applicant) {
		return Arguments.of(text, organisations, countries, applicant);
	}

}
