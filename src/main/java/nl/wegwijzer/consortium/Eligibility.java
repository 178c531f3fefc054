package nl.wegwijzer.consortium;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

import nl.wegwijzer.system.ContentFiles;

/**
 * Checks a consortium against the basic rules of a cross-sectoral strategic partnership and words the
 * verdict for the visitor. The rules, and only these, come from the Erasmus+ page: at least three
 * organisations from three different programme countries; partner-country organisations only as partner,
 * not as applicant; a duration of 2 or 3 years; an extension of at most 6 months, 3 years in total. The
 * sentences come from {@code content/eligibility.yml}.
 */
final class Eligibility {

	static final int MIN_ORGANISATIONS = 3;

	static final int MIN_PROGRAMME_COUNTRIES = 3;

	static final List<Integer> DURATIONS_MONTHS = List.of(24, 36);

	static final int MAX_EXTENSION_MONTHS = 6;

	static final int MAX_TOTAL_MONTHS = 36;

	static final String MISSING_ORGANISATIONS = "organisations";

	static final String MISSING_COUNTRIES = "countries";

	private final Countries countries;

	private final EligibilityTexts say;

	Eligibility(Countries countries, EligibilityTexts texts) {
		this.countries = countries;
		this.say = texts;
	}

	Verdict check(Consortium consortium) {
		List<String> problems = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		String applicant = consortium.applicantCountry();

		// The applicant's own country belongs to the partnership as soon as anything is known of the others.
		LinkedHashSet<String> known = new LinkedHashSet<>(consortium.countries());
		if (!known.isEmpty() && applicant != null) {
			known.add(applicant);
		}
		List<String> programme = known.stream().filter(this.countries::isProgramme).toList();
		List<String> partner = known.stream().filter(this.countries::isPartner).toList();
		// A country the lists do not hold is named, never silently left out.
		List<String> unknown = known.stream().filter((c) -> this.countries.named(c).isEmpty()).toList();

		Integer organisations = consortium.organisations();
		if (organisations != null && organisations < MIN_ORGANISATIONS) {
			int more = MIN_ORGANISATIONS - organisations;
			problems.add(more == 1 ? this.say.tooFewOrganisation()
					: ContentFiles.fill(this.say.tooFewOrganisations(), "more", String.valueOf(more)));
		}
		// Each country brings at least one organisation, so three programme countries answer the count too.
		if (organisations == null && programme.size() < MIN_PROGRAMME_COUNTRIES) {
			missing.add(MISSING_ORGANISATIONS);
		}
		if (known.isEmpty()) {
			missing.add(MISSING_COUNTRIES);
		}
		else if (programme.size() < MIN_PROGRAMME_COUNTRIES) {
			problems.add(tooFewCountries(programme.size(), inSentences(partner), unknown));
		}
		if (applicant != null && this.countries.isPartner(applicant)) {
			problems.add(ContentFiles.fill(this.say.partnerApplicant(), "country", this.countries.inSentence(applicant)));
		}
		problems.addAll(durationProblems(consortium.durationMonths(), consortium.extensionMonths()));

		boolean eligible = problems.isEmpty() && missing.isEmpty();
		String text;
		if (eligible) {
			text = eligibleText(inSentences(programme), inSentences(partner), unknown,
					(applicant != null) ? this.countries.inSentence(applicant) : null, consortium);
		}
		else if (problems.isEmpty()) {
			text = question(missing, applicant);
		}
		else {
			String next = missing.isEmpty() ? durationNote(consortium) : question(missing, applicant);
			text = notEligibleText(problems) + (next.isEmpty() ? "" : (problems.size() == 1) ? " " : "\n\n") + next;
		}
		return new Verdict(eligible, problems, missing, text);
	}

	private String tooFewCountries(int programme, List<String> partner, List<String> unknown) {
		List<String> problem = new ArrayList<>();
		problem.add((programme == 0) ? this.say.noProgrammeCountry()
				: (programme == 1) ? this.say.oneProgrammeCountry()
						: ContentFiles.fill(this.say.programmeCountries(), "count", String.valueOf(programme)));
		if (!partner.isEmpty()) {
			problem.add(ContentFiles.fill(partner.size() == 1 ? this.say.partnerNotCounted() : this.say.partnersNotCounted(),
					"countries", capitalised(list(partner))));
		}
		if (!unknown.isEmpty()) {
			problem.add(unknownText(unknown));
		}
		int more = MIN_PROGRAMME_COUNTRIES - programme;
		problem.add((more == 1) ? this.say.findOne() : ContentFiles.fill(this.say.findMore(), "more", String.valueOf(more)));
		return String.join(" ", problem);
	}

	private String unknownText(List<String> unknown) {
		return ContentFiles.fill(unknown.size() == 1 ? this.say.unknownCountry() : this.say.unknownCountries(), "countries",
				list(unknown));
	}

	/** What the page rules out. A duration it does not name but does not forbid is no problem. */
	private List<String> durationProblems(Integer duration, Integer extension) {
		List<String> problems = new ArrayList<>();
		if (duration != null && duration > MAX_TOTAL_MONTHS) {
			problems.add(ContentFiles.fill(this.say.tooLong(), "duration", describe(duration)));
		}
		if (extension != null && extension > MAX_EXTENSION_MONTHS) {
			problems.add(ContentFiles.fill(this.say.extensionTooLong(), "extension", describe(extension)));
		}
		if (duration != null && duration <= MAX_TOTAL_MONTHS && extension != null && extension > 0
				&& duration + extension > MAX_TOTAL_MONTHS) {
			problems.add((duration == MAX_TOTAL_MONTHS) ? this.say.noExtensionAfterThreeYears()
					: ContentFiles.fill(this.say.totalTooLong(), "duration", describe(duration), "extension", describe(extension)));
		}
		return problems;
	}

	private String eligibleText(List<String> programme, List<String> partner, List<String> unknown, String applicant,
			Consortium consortium) {
		Integer organisations = consortium.organisations();
		List<String> text = new ArrayList<>();
		text.add(ContentFiles.fill(this.say.eligible(), "organisations",
				(organisations != null) ? ContentFiles.fill(this.say.organisations(), "count", String.valueOf(organisations))
						: this.say.someOrganisations(),
				"count", String.valueOf(programme.size()), "countries", list(programme)));
		if (applicant != null) {
			text.add(ContentFiles.fill(this.say.applicant(), "country", applicant));
		}
		if (!partner.isEmpty()) {
			text.add(ContentFiles.fill(partner.size() == 1 ? this.say.partnerCountry() : this.say.partnerCountries(), "countries",
					capitalised(list(partner))));
		}
		if (!unknown.isEmpty()) {
			text.add(unknownText(unknown));
		}
		Integer duration = consortium.durationMonths();
		Integer extension = consortium.extensionMonths();
		if (duration != null && DURATIONS_MONTHS.contains(duration)) {
			text.add(ContentFiles.fill(this.say.durationFits(), "duration", describe(duration)));
			if (extension != null && extension > 0) {
				text.add(ContentFiles.fill(this.say.extensionOnRequest(), "extension", describe(extension)));
			}
		}
		else {
			text.add(durationNote(consortium));
		}
		return String.join(" ", text.stream().filter((s) -> !s.isEmpty()).toList());
	}

	private String notEligibleText(List<String> problems) {
		if (problems.size() == 1) {
			String problem = problems.get(0);
			return ContentFiles.fill(this.say.notYet(), "problem", Character.toLowerCase(problem.charAt(0)) + problem.substring(1));
		}
		return this.say.notYetList() + "\n"
				+ problems.stream().map((problem) -> "- " + problem).collect(Collectors.joining("\n"));
	}

	/**
	 * Duration is not needed for a verdict, so instead of asking for it the rule is mentioned; a duration
	 * the page does not name is pointed on to the programme guide and the helpdesk, not refused.
	 */
	private String durationNote(Consortium consortium) {
		Integer duration = consortium.durationMonths();
		if (duration != null) {
			return (DURATIONS_MONTHS.contains(duration) || duration > MAX_TOTAL_MONTHS) ? ""
					: ContentFiles.fill(this.say.durationUnsure(), "duration", describe(duration));
		}
		if (consortium.extensionMonths() != null && consortium.extensionMonths() <= MAX_EXTENSION_MONTHS) {
			return this.say.remindDurationAndExtension();
		}
		return this.say.remindDuration();
	}

	private String question(List<String> missing, String applicant) {
		boolean count = missing.contains(MISSING_ORGANISATIONS);
		boolean countries = missing.contains(MISSING_COUNTRIES);
		if (count && countries) {
			return this.say.askBoth();
		}
		if (count) {
			return this.say.askCount();
		}
		return (applicant != null) ? this.say.askOtherCountries() : this.say.askCountries();
	}

	/** "2 jaar en 6 maanden". */
	private String describe(int months) {
		String rest = (months % 12) + " " + ((months % 12 == 1) ? this.say.month() : this.say.months());
		if (months < 12) {
			return rest;
		}
		return (months / 12) + " " + this.say.year() + ((months % 12 == 0) ? "" : " " + this.say.and() + " " + rest);
	}

	private List<String> inSentences(List<String> names) {
		return names.stream().map(this.countries::inSentence).toList();
	}

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** "Nederland, Duitsland en België". */
	private String list(List<String> names) {
		if (names.size() <= 1) {
			return String.join("", names);
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " " + this.say.and() + " "
				+ names.get(names.size() - 1);
	}

}
