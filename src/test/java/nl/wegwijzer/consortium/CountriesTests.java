package nl.wegwijzer.consortium;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CountriesTests {

	private final Countries countries = Countries.load();

	@Test
	void shouldKnowTheProgrammeCountries() {
		List<String> programme = this.countries.all()
			.stream()
			.filter(Countries.Country::programme)
			.map(Countries.Country::name)
			.toList();
		// 2014-2020, the period of the page's rules: the 28 EU member states and 6 other countries.
		assertThat(programme).hasSize(34)
			.contains("Nederland", "België", "Duitsland", "Tsjechië", "Verenigd Koninkrijk", "Noord-Macedonië",
					"Servië", "IJsland", "Liechtenstein", "Noorwegen", "Turkije");
	}

	@Test
	void shouldFollowTheProgrammePeriodOfThePagesRules() {
		// The page states the rules of 2014-2020 (programme and partner countries, strategic partnerships).
		assertThat(this.countries.period()).isEqualTo("2014-2020");
	}

	@Test
	void shouldTellProgrammeFromPartnerCountries() {
		assertThat(this.countries.isProgramme("Turkije")).isTrue();
		assertThat(this.countries.isProgramme("Verenigd Koninkrijk")).isTrue();
		assertThat(this.countries.isPartner("Zwitserland")).isTrue();
		assertThat(this.countries.isPartner("Marokko")).isTrue();
		assertThat(this.countries.isProgramme("Atlantis")).isFalse();
		assertThat(this.countries.isPartner("Atlantis")).isFalse();
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', textBlock = """
			Belgie                                          | België
			BELGIË                                          | België
			een Vlaamse hogeschool                          | België
			een Duitser en een duitse school                | Duitsland
			een Hollandse school                            | Nederland
			partners uit de Verenigde Staten                | Verenigde Staten
			een Amerikaanse universiteit                    | Verenigde Staten
			Noord-Macedonië                                 | Noord-Macedonië
			noord macedonie                                 | Noord-Macedonië
			een school in Schotland                         | Verenigd Koninkrijk
			Groot-Brittannië                                | Verenigd Koninkrijk
			Noord-Ierland                                   | Verenigd Koninkrijk
			Ierland                                         | Ierland
			Oekraïne                                        | Oekraïne
			een Surinaamse stichting                        | Suriname
			Bosnië en Herzegovina                           | Bosnië en Herzegovina
			Noord-Korea                                     | Noord-Korea
			een school in Zuid-Korea                        | Zuid-Korea
			""")
	void shouldFindCountriesWhateverTheSpelling(String text, String country) {
		assertThat(this.countries.findIn(text)).containsExactly(country);
	}

	@Test
	void shouldNeverReadOneCountrysNameOrAliasAsAnotherCountry() {
		for (Countries.Country country : this.countries.all()) {
			for (String word : concat(country.name(), country.aliases())) {
				assertThat(this.countries.findIn("een school uit " + word)).as(word).containsExactly(country.name());
			}
		}
	}

	private static List<String> concat(String name, List<String> aliases) {
		List<String> words = new ArrayList<>(List.of(name));
		words.addAll(aliases);
		return words;
	}

	@Test
	void shouldFindCountriesInOrderEachOnce() {
		assertThat(this.countries.findIn("Duitsland, een Duitse school, België en Turkije"))
			.containsExactly("Duitsland", "België", "Turkije");
	}

	@Test
	void shouldNotMistakeOtherWordsForCountries() {
		assertThat(this.countries.findIn("let op: we schrijven in het Engels, met partners uit Zuid-Amerika"))
			.isEmpty();
	}

	@Test
	void shouldPutTheArticleInASentence() {
		assertThat(this.countries.inSentence("Verenigd Koninkrijk")).isEqualTo("het Verenigd Koninkrijk");
		assertThat(this.countries.inSentence("Marokko")).isEqualTo("Marokko");
	}

	@Test
	void shouldRefuseAWordForTwoCountries() {
		List<Countries.Country> clash = List.of(new Countries.Country("Oostland", true, List.of("oosters")),
				new Countries.Country("Westland", true, List.of("oosters")));
		assertThatIllegalStateException().isThrownBy(() -> new Countries("2014-2020", clash, List.of()));
	}

}
