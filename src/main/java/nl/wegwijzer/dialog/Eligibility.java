package nl.wegwijzer.dialog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks a consortium against the basic rules of a cross-sectoral strategic partnership and words the
 * verdict for the visitor. The rules, and only these, come from the Erasmus+ page: at least three
 * organisations from three different programme countries; partner-country organisations only as partner,
 * not as applicant; a duration of 2 or 3 years; an extension of at most 6 months, 3 years in total.
 */
final class Eligibility {

	static final int MIN_ORGANISATIONS = 3;

	static final int MIN_PROGRAMME_COUNTRIES = 3;

	static final List<Integer> DURATIONS_MONTHS = List.of(24, 36);

	static final int MAX_EXTENSION_MONTHS = 6;

	static final int MAX_TOTAL_MONTHS = 36;

	static final String MISSING_ORGANISATIONS = "het aantal organisaties";

	static final String MISSING_COUNTRIES = "de landen van de organisaties";

	private Eligibility() {
	}

	static Verdict check(Consortium consortium, Countries countries) {
		List<String> problems = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		String applicant = consortium.applicantCountry();

		// The applicant's own country belongs to the partnership as soon as anything is known of the others.
		LinkedHashSet<String> known = new LinkedHashSet<>(consortium.countries());
		if (!known.isEmpty() && applicant != null) {
			known.add(applicant);
		}
		List<String> programme = known.stream().filter(countries::isProgramme).toList();
		List<String> partner = known.stream().filter(countries::isPartner).toList();

		Integer organisations = consortium.organisations();
		if (organisations != null && organisations < MIN_ORGANISATIONS) {
			problems.add(tooFewOrganisations(MIN_ORGANISATIONS - organisations));
		}
		// Each country brings at least one organisation, so three programme countries answer the count too.
		if (organisations == null && programme.size() < MIN_PROGRAMME_COUNTRIES) {
			missing.add(MISSING_ORGANISATIONS);
		}
		if (known.isEmpty()) {
			missing.add(MISSING_COUNTRIES);
		}
		else if (programme.size() < MIN_PROGRAMME_COUNTRIES) {
			problems.add(tooFewCountries(programme.size(), inSentences(partner, countries)));
		}
		if (applicant != null && countries.isPartner(applicant)) {
			problems.add("Een organisatie uit " + countries.inSentence(applicant)
					+ " kan wel partner zijn, maar niet de aanvraag indienen. "
					+ "Laat een organisatie uit een programmaland de aanvraag doen.");
		}
		problems.addAll(durationProblems(consortium.durationMonths(), consortium.extensionMonths()));

		boolean eligible = problems.isEmpty() && missing.isEmpty();
		String text;
		if (eligible) {
			text = eligibleText(inSentences(programme, countries), inSentences(partner, countries),
					(applicant != null) ? countries.inSentence(applicant) : null, consortium);
		}
		else if (problems.isEmpty()) {
			text = question(missing, applicant);
		}
		else {
			String next = missing.isEmpty() ? durationReminder(consortium) : question(missing, applicant);
			text = notEligibleText(problems) + (next.isEmpty() ? "" : (problems.size() == 1) ? " " : "\n\n") + next;
		}
		return new Verdict(eligible, problems, missing, text);
	}

	private static String tooFewOrganisations(int more) {
		return "Je hebt nog minstens " + more + " " + (more == 1 ? "organisatie" : "organisaties")
				+ " nodig, want een strategisch partnerschap bestaat uit minimaal " + MIN_ORGANISATIONS + " organisaties.";
	}

	private static String tooFewCountries(int programme, List<String> partner) {
		StringBuilder problem = new StringBuilder();
		if (programme == 0) {
			problem.append("Er doet nog geen organisatie uit een programmaland mee; er zijn organisaties uit minstens ")
				.append(MIN_PROGRAMME_COUNTRIES)
				.append(" programmalanden nodig.");
		}
		else {
			problem.append("Jullie komen uit ")
				.append(programme)
				.append(programme == 1 ? " programmaland" : " programmalanden")
				.append("; er zijn er minstens ")
				.append(MIN_PROGRAMME_COUNTRIES)
				.append(" nodig.");
		}
		if (!partner.isEmpty()) {
			problem.append(" ")
				.append(capitalised(list(partner)))
				.append(partner.size() == 1 ? " is een partnerland en telt daarvoor niet mee."
						: " zijn partnerlanden en tellen daarvoor niet mee.");
		}
		int more = MIN_PROGRAMME_COUNTRIES - programme;
		problem.append(more == 1 ? " Zoek er een organisatie bij uit nog een ander programmaland."
				: " Zoek er organisaties bij uit nog " + more + " andere programmalanden.");
		return problem.toString();
	}

	private static List<String> durationProblems(Integer duration, Integer extension) {
		List<String> problems = new ArrayList<>();
		boolean validDuration = duration != null && DURATIONS_MONTHS.contains(duration);
		if (duration != null && !validDuration) {
			problems.add("Een looptijd van " + describe(duration) + " kan niet, want een project duurt 2 of 3 jaar.");
		}
		if (extension != null && extension > MAX_EXTENSION_MONTHS) {
			problems.add("Verlengen kan met ten hoogste " + MAX_EXTENSION_MONTHS + " maanden, dus niet met "
					+ describe(extension) + ".");
		}
		if (validDuration && extension != null && extension > 0 && duration + extension > MAX_TOTAL_MONTHS) {
			String tooLong = "In totaal mag het partnerschap niet langer dan 3 jaar duren";
			problems.add((duration == MAX_TOTAL_MONTHS) ? tooLong + ", dus bij een looptijd van 3 jaar kun je niet verlengen."
					: tooLong + "; " + describe(duration) + " plus " + describe(extension) + " verlenging is te lang.");
		}
		return problems;
	}

	private static String eligibleText(List<String> programme, List<String> partner, String applicant,
			Consortium consortium) {
		Integer organisations = consortium.organisations();
		StringBuilder text = new StringBuilder("Op basis van wat je vertelt voldoet jullie partnerschap aan de basisregels. "
				+ "Er zijn minstens " + MIN_ORGANISATIONS + " organisaties uit " + MIN_PROGRAMME_COUNTRIES
				+ " verschillende programmalanden nodig, en jullie hebben "
				+ ((organisations != null) ? organisations + " organisaties" : "organisaties") + " uit "
				+ programme.size() + " programmalanden: " + list(programme) + ".");
		if (applicant != null) {
			text.append(" De aanvraag kan vanuit ").append(applicant).append(" worden ingediend.");
		}
		if (!partner.isEmpty()) {
			text.append(" ")
				.append(capitalised(list(partner)))
				.append(partner.size() == 1
						? " is een partnerland: een organisatie daaruit kan meedoen als partner, niet als aanvrager."
						: " zijn partnerlanden: organisaties daaruit kunnen meedoen als partner, niet als aanvrager.");
		}
		Integer duration = consortium.durationMonths();
		Integer extension = consortium.extensionMonths();
		if (duration != null) {
			text.append(" Een looptijd van ").append(describe(duration)).append(" past ook.");
			if (extension != null && extension > 0) {
				text.append(" Verlengen met ")
					.append(describe(extension))
					.append(" kan alleen op verzoek en in uitzonderlijke gevallen.");
			}
		}
		else {
			text.append(" ").append(durationReminder(consortium));
		}
		return text.toString();
	}

	private static String notEligibleText(List<String> problems) {
		if (problems.size() == 1) {
			String problem = problems.get(0);
			return "Zo voldoet jullie partnerschap nog niet: " + Character.toLowerCase(problem.charAt(0))
					+ problem.substring(1);
		}
		return "Zo voldoet jullie partnerschap nog niet:\n"
				+ problems.stream().map((problem) -> "- " + problem).collect(Collectors.joining("\n"));
	}

	// Duration is not needed for a verdict, so instead of asking for it the rule is mentioned.
	private static String durationReminder(Consortium consortium) {
		if (consortium.durationMonths() != null) {
			return "";
		}
		if (consortium.extensionMonths() != null && consortium.extensionMonths() <= MAX_EXTENSION_MONTHS) {
			return "Denk er ook aan dat het project 2 of 3 jaar moet duren, en met verlenging in totaal niet langer dan 3 jaar.";
		}
		return "Denk er ook aan dat het project 2 of 3 jaar moet duren.";
	}

	private static String question(List<String> missing, String applicant) {
		boolean count = missing.contains(MISSING_ORGANISATIONS);
		boolean countries = missing.contains(MISSING_COUNTRIES);
		if (count && countries) {
			return "Met hoeveel organisaties zijn jullie, en uit welke landen komen ze?";
		}
		if (count) {
			return "Met hoeveel organisaties zijn jullie in totaal, je eigen organisatie meegeteld?";
		}
		return (applicant != null) ? "Uit welke landen komen de andere organisaties?"
				: "Uit welke landen komen de organisaties?";
	}

	private static String describe(int months) {
		String rest = (months % 12 == 1) ? "1 maand" : (months % 12) + " maanden";
		if (months < 12) {
			return rest;
		}
		return (months / 12) + " jaar" + ((months % 12 == 0) ? "" : " en " + rest);
	}

	private static List<String> inSentences(List<String> names, Countries countries) {
		return names.stream().map(countries::inSentence).toList();
	}

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** "Nederland, Duitsland en België". */
	private static String list(List<String> names) {
		if (names.size() <= 1) {
			return String.join("", names);
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " en " + names.get(names.size() - 1);
	}

}
