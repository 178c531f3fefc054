package nl.wegwijzer.consortium;

import nl.wegwijzer.system.ContentFiles;

/** The sentences of the consortium check, from {@code content/eligibility.yml}; {@code {name}} marks what is filled in. */
record EligibilityTexts(String eligible, String organisations, String someOrganisations, String applicant,
		String partnerCountry, String partnerCountries, String unknownCountry, String unknownCountries,
		String durationFits, String extensionOnRequest, String durationUnsure, String notYet, String notYetList,
		String tooFewOrganisation, String tooFewOrganisations, String noProgrammeCountry,
		String oneProgrammeCountry, String programmeCountries, String partnerNotCounted,
		String partnersNotCounted, String findOne, String findMore, String partnerApplicant, String tooLong,
		String extensionTooLong, String noExtensionAfterThreeYears, String totalTooLong, String remindDuration,
		String remindDurationAndExtension, String askBoth, String askCount, String askCountries,
		String askOtherCountries, String year, String month, String months, String and) {

	static EligibilityTexts load() {
		return ContentFiles.read("eligibility.yml", EligibilityTexts.class);
	}

}
