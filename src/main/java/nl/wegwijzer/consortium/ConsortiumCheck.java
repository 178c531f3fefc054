package nl.wegwijzer.consortium;

/**
 * The consortium check as the dialog uses it: read what a visitor says about their partnership (how many
 * organisations, from which countries, for how long) and judge it against the page's rules.
 */
public final class ConsortiumCheck {

	private final ConsortiumParser parser;

	private final Eligibility eligibility;

	public ConsortiumCheck() {
		Countries countries = Countries.load();
		this.parser = new ConsortiumParser(countries);
		this.eligibility = new Eligibility(countries, EligibilityTexts.load());
	}

	/** What the message says about the consortium; empty where it says nothing. */
	public Consortium read(String message) {
		return this.parser.parse(message);
	}

	public Verdict check(Consortium consortium) {
		return this.eligibility.check(consortium);
	}

}
