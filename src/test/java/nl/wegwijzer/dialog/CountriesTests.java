package nl.wegwijzer.dialog;

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
		assertThat(programme).hasSize(33)
			.contains("Nederland", "België", "Duitsland", "Tsjechië", "Noord-Macedonië", "Servië", "IJsland",
					"Liechtenstein", "Noorwegen", "Turkije");
	}

	@Test
	void shouldTellProgrammeFromPartnerCountries() {
		assertThat(this.countries.isProgramme("Turkije")).isTrue();
		assertThat(this.countries.isProgramme("Verenigd Koninkrijk")).isFalse();
		assertThat(this.countries.isPartner("Verenigd Koninkrijk")).isTrue();
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
			""")
	void shouldFindCountriesWhateverTheSpelling(String text, String country) {
		assertThat(this.countries.findIn(text)).containsExactly(country);
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
		assertThatIllegalStateException().isThrownBy(() -> new Countries(clash, List.of()));
	}

}
