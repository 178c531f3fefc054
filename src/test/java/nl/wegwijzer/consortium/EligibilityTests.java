package nl.wegwijzer.consortium;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class EligibilityTests {

	private static final String ELIGIBLE = "Op basis van wat je vertelt voldoet jullie partnerschap aan de basisregels";

	private static final String NOT_YET = "Zo voldoet jullie partnerschap nog niet:";

	private static final String ASK_BOTH = "Met hoeveel organisaties zijn jullie, en uit welke landen komen ze?";

	private static final List<String> NOTHING = List.of();

	private static final List<String> COUNT = List.of(Eligibility.MISSING_ORGANISATIONS);

	private static final List<String> COUNTRIES = List.of(Eligibility.MISSING_COUNTRIES);

	private static final List<String> BOTH = List.of(Eligibility.MISSING_ORGANISATIONS,
			Eligibility.MISSING_COUNTRIES);

	private static final Countries KNOWN_COUNTRIES = Countries.load();

	private final Countries countries = KNOWN_COUNTRIES;

	private final ConsortiumParser parser = new ConsortiumParser(this.countries);

	private final Eligibility eligibility = new Eligibility(this.countries, EligibilityTexts.load());

	static Stream<Arguments> verdicts() {
		return Stream.of(
				// Enough.
				verdict("wij zijn een mbo-school met twee partners uit Duitsland en België", true, NOTHING, NOTHING),
				verdict("Wij zijn een Belgische school met twee partners uit Duitsland en Frankrijk", true, NOTHING,
						NOTHING),
				verdict("we zijn met z'n vieren, uit Nederland, Duitsland, Polen en Marokko", true, NOTHING, NOTHING),
				verdict("we hebben 12 partners uit Duitsland, Italië, Spanje, Oekraïne en Tunesië", true, NOTHING,
						NOTHING),
				verdict("partners uit Duitsland en België, looptijd 3 jaar", true, NOTHING, NOTHING),
				verdict("project van 2 jaar, verlengen met 6 maanden, partners uit Duitsland en België", true,
						NOTHING, NOTHING),
				verdict("Wij zijn een Duitse school. Onze partners komen uit Nederland en Oostenrijk.", true, NOTHING,
						NOTHING),
				// Too few organisations.
				verdict("we zijn met z'n tweeën, uit Nederland en Duitsland", false,
						List.of("Je hebt nog minstens 1 organisatie nodig",
								"Jullie komen uit 2 programmalanden; er zijn er minstens 3 nodig"),
						NOTHING),
				verdict("een partner uit Marokko", false,
						List.of("Je hebt nog minstens 1 organisatie nodig",
								"Jullie komen uit 1 programmaland; er zijn er minstens 3 nodig. Marokko is een partnerland"),
						NOTHING),
				verdict("we zijn met z'n tweeën", false, List.of("Je hebt nog minstens 1 organisatie nodig"),
						COUNTRIES),
				// Too few programme countries.
				verdict("drie organisaties uit Nederland", false,
						List.of("Jullie komen uit 1 programmaland; er zijn er minstens 3 nodig"), NOTHING),
				verdict("wij zijn een school met twee partners uit Duitsland", false,
						List.of("Jullie komen uit 2 programmalanden; er zijn er minstens 3 nodig"), NOTHING),
				verdict("we zijn met z'n drieën: twee uit Nederland en één uit Duitsland", false,
						List.of("Jullie komen uit 2 programmalanden; er zijn er minstens 3 nodig"), NOTHING),
				verdict("een school uit Schotland en een uit Zwitserland", false, List.of(
						"Jullie komen uit 2 programmalanden; er zijn er minstens 3 nodig. Zwitserland is een partnerland en telt daarvoor niet mee"),
						NOTHING),
				verdict("een school uit Zwitserland en een uit Marokko", false, List.of(
						"Jullie komen uit 1 programmaland; er zijn er minstens 3 nodig. Zwitserland en Marokko zijn partnerlanden"),
						NOTHING),
				// A country the lists do not hold is named, not dropped.
				verdict("we zijn met drie organisaties uit Nederland, Duitsland en Lapland", false,
						List.of("Jullie komen uit 2 programmalanden; er zijn er minstens 3 nodig. Lapland ken ik niet"),
						NOTHING),
				// An applicant from a partner country.
				verdict("Wij zijn een Marokkaanse organisatie met partners uit Duitsland, Frankrijk en Spanje", false,
						List.of("Een organisatie uit Marokko kan wel partner zijn als zij meerwaarde biedt aan het "
								+ "project, maar niet de aanvraag indienen"),
						NOTHING),
				verdict("wij zijn een organisatie uit Marokko en willen aanvragen", false,
						List.of("Een organisatie uit Marokko kan wel partner zijn"), BOTH),
				verdict("We zijn een Zwitserse school met partners uit Nederland, Duitsland en Ierland", false,
						List.of("Een organisatie uit Zwitserland kan wel partner zijn"), NOTHING),
				// The rules of 2014-2020, which the page states: the United Kingdom was a programme country.
				verdict("We zijn een Engelse school met partners uit Nederland, Duitsland en Ierland", true, NOTHING,
						NOTHING),
				// Duration and extension.
				verdict("project van 4 jaar met drie partners uit Duitsland, België en Frankrijk", false,
						List.of("Een looptijd van 4 jaar kan niet"), NOTHING),
				// The page names 2 or 3 years, but does not forbid 30 months: not refused.
				verdict("looptijd 30 maanden, met partners uit Duitsland en België", true, NOTHING, NOTHING),
				verdict("een project van 2 jaar met twee partners uit Duitsland en België, en we willen verlengen met "
						+ "8 maanden", false, List.of("Verlengen kan met ten hoogste 6 maanden, dus niet met 8 maanden"),
						NOTHING),
				verdict("een project van 3 jaar met twee partners uit Duitsland en België, en we willen verlengen met "
						+ "8 maanden", false,
						List.of("Verlengen kan met ten hoogste 6 maanden",
								"In totaal mag het partnerschap niet langer dan 3 jaar duren"),
						NOTHING),
				verdict("3 jaar met 6 maanden verlenging en partners uit Duitsland en België", false,
						List.of("bij een looptijd van 3 jaar kun je niet verlengen"), NOTHING),
				// Missing information.
				verdict("", false, NOTHING, BOTH),
				verdict("project van 2 jaar", false, NOTHING, BOTH),
				verdict("we zijn met z'n drieën", false, NOTHING, COUNTRIES),
				verdict("ons consortium bestaat uit 4 organisaties", false, NOTHING, COUNTRIES),
				verdict("Wij komen uit België", false, NOTHING, BOTH),
				verdict("Duitsland en België", false,
						List.of("Jullie komen uit 2 programmalanden; er zijn er minstens 3 nodig"), COUNT));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("verdicts")
	void shouldJudgeWhatTheVisitorSaid(String text, boolean eligible, List<String> problems, List<String> missing) {
		Verdict verdict = this.eligibility.check(this.parser.parse(text));
		assertThat(verdict.eligible()).as("eligible").isEqualTo(eligible);
		assertThat(verdict.problems()).as("problems").hasSameSizeAs(problems);
		for (int i = 0; i < problems.size(); i++) {
			assertThat(verdict.problems().get(i)).contains(problems.get(i));
		}
		assertThat(verdict.missing()).as("missing").isEqualTo(missing);
		if (eligible) {
			assertThat(verdict.text()).startsWith(ELIGIBLE);
		}
		else if (!problems.isEmpty()) {
			assertThat(verdict.text()).startsWith(NOT_YET);
		}
	}

	@Test
	void shouldGiveTheVerdictFirstAndRemindOfTheDuration() {
		Verdict verdict = check(new Consortium(3, List.of("Nederland", "Duitsland", "België"), null, null, "Nederland"));
		assertThat(verdict.text()).startsWith(ELIGIBLE)
			.contains("Nederland, Duitsland en België")
			.endsWith("Denk er ook aan dat het project 2 of 3 jaar moet duren.");
	}

	@Test
	void shouldSayWhatIsWrongAndWhatToDo() {
		Verdict verdict = check(new Consortium(2, List.of("Nederland", "Marokko"), 24, null, "Nederland"));
		assertThat(verdict.text()).startsWith(NOT_YET)
			.contains("Je hebt nog minstens 1 organisatie nodig")
			.contains("Zoek er organisaties bij uit nog 2 andere programmalanden.")
			.doesNotContain("Denk er ook aan");
	}

	@Test
	void shouldAskForWhatIsMissing() {
		assertThat(check(Consortium.empty()).text()).isEqualTo(ASK_BOTH);
		assertThat(check(new Consortium(3, List.of(), null, null, "Nederland")).text())
			.isEqualTo("Uit welke landen komen de andere organisaties?");
		assertThat(check(new Consortium(3, List.of(), null, null, null)).text())
			.isEqualTo("Uit welke landen komen de organisaties?");
	}

	@Test
	void shouldTakeThreeProgrammeCountriesAsThreeOrganisations() {
		Verdict verdict = check(new Consortium(null, List.of("Nederland", "Duitsland", "België"), null, null, null));
		assertThat(verdict.eligible()).isTrue();
		assertThat(verdict.missing()).isEmpty();
	}

	@Test
	void shouldCountTheApplicantsCountryWithThePartners() {
		Verdict verdict = check(new Consortium(3, List.of("Duitsland", "Frankrijk"), 24, null, "België"));
		assertThat(verdict.eligible()).isTrue();
	}

	@Test
	void shouldAcceptPartnerCountriesAsPartnersThatAddValue() {
		Verdict verdict = check(
				new Consortium(4, List.of("Nederland", "Duitsland", "België", "Marokko"), 36, null, "Nederland"));
		assertThat(verdict.eligible()).isTrue();
		assertThat(verdict.text()).contains("Marokko is een partnerland: een organisatie daaruit kan meedoen als partner")
			.contains("als zij meerwaarde biedt aan het project");
	}

	@Test
	void shouldPointToTheGuideForADurationThePageDoesNotName() {
		Verdict verdict = check(new Consortium(3, List.of("Nederland", "Duitsland", "België"), 30, null, "Nederland"));
		assertThat(verdict.eligible()).isTrue();
		assertThat(verdict.text()).doesNotContain("kan niet")
			.contains("2 of 3 jaar", "2 jaar en 6 maanden", "programmagids", "helpdesk");
	}

	@Test
	void shouldNameACountryItDoesNotKnowInAnEligibleVerdict() {
		Verdict verdict = check(
				new Consortium(4, List.of("Nederland", "Duitsland", "België", "Atlantis"), 24, null, "Nederland"));
		assertThat(verdict.eligible()).isTrue();
		assertThat(verdict.text()).contains("Atlantis ken ik niet", "Uit welk land komt");
	}

	@Test
	void shouldGiveAVerdictOnceFollowUpAnswersComplete() {
		Consortium first = this.parser.parse("we zijn met z'n drieën");
		assertThat(check(first).missing()).containsExactly(Eligibility.MISSING_COUNTRIES);
		Consortium both = first.merge(this.parser.parse("uit Duitsland en België"));
		assertThat(check(both).eligible()).isTrue();
	}

	private Verdict check(Consortium consortium) {
		return this.eligibility.check(consortium);
	}

	private static Arguments verdict(String text, boolean eligible, List<String> problems, List<String> missing) {
		return Arguments.of(text, eligible, problems, missing);
	}

}
