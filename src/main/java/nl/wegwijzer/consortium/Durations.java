package nl.wegwijzer.consortium;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lengths of time in a visitor's text: the project's duration ("2 jaar", "anderhalf jaar", "30
 * maanden", "een driejarig project") and an extension ("6 maanden verlengen"), leaving out years that
 * describe something else ("we werken al 10 jaar samen") and ranges ("2 of 3 jaar").
 */
final class Durations {

	private static final Pattern YEARS_ADJECTIVE = Pattern.compile("(\\p{L}+|\\d+)jarige?");

	private static final Set<String> YEAR_UNITS = Set.of("jaar", "jaren", "jr", "jaartje", "jaartjes", "jarig",
			"jarige");

	private static final Set<String> MONTH_UNITS = Set.of("maand", "maanden", "mnd", "mnden", "maandje",
			"maandjes");

	private static final Set<String> RANGE_WORDS = Set.of("of", "tot", "a", "en");

	// "we werken al 10 jaar samen": a number of years that is not the project's duration.
	private static final Set<String> NOT_DURATION_BEFORE = Set.of("al", "sinds", "afgelopen", "laatste",
			"over", "geleden");

	private static final Set<String> NOT_DURATION_AFTER = Set.of("geleden", "ervaring", "oud", "ouder");

	private static final Set<String> EXTENSION_WORDS = Set.of("uitstel", "extra", "langer", "uitloop",
			"uitlopen");

	private static final Set<String> CLAUSE_ENDS = Set.of(".", "!", "?", ";", ",");

	private final List<String> t;

	/** The tokens read as a length of time, whether the project's or not. */
	private final boolean[] taken;

	private Integer months;

	private Integer extensionMonths;

	private Durations(List<String> tokens) {
		this.t = tokens;
		this.taken = new boolean[tokens.size()];
	}

	static Durations in(List<String> tokens) {
		Durations durations = new Durations(tokens);
		durations.read();
		return durations;
	}

	/** The project's duration in months, or {@code null} when not said. */
	Integer months() {
		return this.months;
	}

	/** The extension asked for in months, or {@code null} when not said. */
	Integer extensionMonths() {
		return this.extensionMonths;
	}

	/** Whether token i is part of a length of time. */
	boolean covers(int i) {
		return this.taken[i];
	}

	private void read() {
		for (int i = 0; i < this.t.size(); i++) {
			if (this.taken[i]) {
				continue;
			}
			Span span = durationAt(i);
			if (span == null) {
				continue;
			}
			for (int k = span.start(); k <= span.end(); k++) {
				this.taken[k] = true;
			}
			if (span.months() <= 0 || describesSomethingElse(span)) {
				continue;
			}
			if (isExtension(span)) {
				if (this.extensionMonths == null) {
					this.extensionMonths = span.months();
				}
			}
			else if (this.months == null) {
				this.months = span.months();
			}
		}
	}

	/** A length of time starting at token i, in months; a range ("2 of 3 jaar") has months 0. */
	private Span durationAt(int i) {
		String token = this.t.get(i);
		if (token.equals("anderhalf") && isYearUnit(i + 1)) {
			return new Span(i, i + 1, 18);
		}
		if (token.equals("half") && isYearUnit(i + 1)) {
			return new Span(at(i - 1).equals("een") ? i - 1 : i, i + 1, 6);
		}
		Matcher years = YEARS_ADJECTIVE.matcher(token);
		if (years.matches() && DutchNumbers.wholeNumber(years.group(1)) != null) {
			return new Span(i, i, DutchNumbers.wholeNumber(years.group(1)) * 12);
		}
		Double value = token.equals("een") ? Double.valueOf(1) : DutchNumbers.amount(token);
		if (value == null) {
			return null;
		}
		int j = i + 1;
		int halfYear = 0;
		if (at(j).equals("en") && at(j + 1).equals("een") && at(j + 2).equals("half")) {
			j += 3;
			halfYear = 6;
		}
		if (isYearUnit(j)) {
			int months = (int) Math.round(value * 12) + halfYear;
			if (at(j + 1).equals("en") && DutchNumbers.wholeNumber(at(j + 2)) != null && isMonthUnit(j + 3)) {
				return new Span(i, j + 3, months + DutchNumbers.wholeNumber(at(j + 2)));
			}
			return new Span(i, j, months);
		}
		if (isMonthUnit(j) && halfYear == 0) {
			return new Span(i, j, (int) Math.round(value));
		}
		if (RANGE_WORDS.contains(at(j)) && DutchNumbers.amount(at(j + 1)) != null
				&& (isYearUnit(j + 2) || isMonthUnit(j + 2))) {
			return new Span(i, j + 2, 0);
		}
		return null;
	}

	private boolean describesSomethingElse(Span span) {
		for (int k = span.start() - 1; k >= Math.max(0, span.start() - 2); k--) {
			if (NOT_DURATION_BEFORE.contains(this.t.get(k))) {
				return true;
			}
		}
		return NOT_DURATION_AFTER.contains(at(span.end() + 1)) || NOT_DURATION_AFTER.contains(at(span.end() + 2));
	}

	// "verlengen met 8 maanden", "een verlenging van 6 maanden", "6 maanden (te) verlengen", "6 maanden extra".
	private boolean isExtension(Span span) {
		for (int k = span.start() - 1; k >= Math.max(0, span.start() - 3); k--) {
			String word = this.t.get(k);
			if (isExtensionWord(word)) {
				return true;
			}
			if (CLAUSE_ENDS.contains(word) || this.taken[k]) {
				break;
			}
		}
		String next = at(span.end() + 1);
		if (next.equals("te") || next.equals("om")) {
			next = at(span.end() + 2);
		}
		return isExtensionWord(next);
	}

	private static boolean isExtensionWord(String word) {
		return word.startsWith("verleng") || EXTENSION_WORDS.contains(word);
	}

	private boolean isYearUnit(int i) {
		return YEAR_UNITS.contains(at(i));
	}

	private boolean isMonthUnit(int i) {
		return MONTH_UNITS.contains(at(i));
	}

	private String at(int i) {
		return (i >= 0 && i < this.t.size()) ? this.t.get(i) : "";
	}

	/** A length of time, tokens start to end. */
	private record Span(int start, int end, int months) {
	}

}
