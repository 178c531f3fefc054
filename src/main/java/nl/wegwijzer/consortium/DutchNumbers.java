package nl.wegwijzer.consortium;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Numbers as visitors write them: digits, Dutch number words, "drietal", "met z'n drieën", "2,5". */
final class DutchNumbers {

	private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("twee", 2), Map.entry("drie", 3),
			Map.entry("vier", 4), Map.entry("vijf", 5), Map.entry("zes", 6), Map.entry("zeven", 7),
			Map.entry("acht", 8), Map.entry("negen", 9), Map.entry("tien", 10), Map.entry("elf", 11),
			Map.entry("twaalf", 12), Map.entry("dertien", 13), Map.entry("veertien", 14), Map.entry("vijftien", 15),
			Map.entry("zestien", 16), Map.entry("zeventien", 17), Map.entry("achttien", 18),
			Map.entry("negentien", 19), Map.entry("twintig", 20), Map.entry("dertig", 30), Map.entry("veertig", 40),
			Map.entry("vijftig", 50), Map.entry("zestig", 60));

	private static final List<String> UNITS = List.of("een", "twee", "drie", "vier", "vijf", "zes", "zeven",
			"acht", "negen");

	private static final List<String> TENS = List.of("twintig", "dertig", "veertig", "vijftig", "zestig");

	// "met z'n drieën": the collective forms only exist after "met z'n", "met ons" and the like.
	private static final Map<String, Integer> COLLECTIVES = Map.ofEntries(Map.entry("tweeen", 2),
			Map.entry("drieen", 3), Map.entry("vieren", 4), Map.entry("vijven", 5), Map.entry("zessen", 6),
			Map.entry("zevenen", 7), Map.entry("achten", 8), Map.entry("negenen", 9), Map.entry("tienen", 10),
			Map.entry("elven", 11), Map.entry("twaalven", 12));

	private static final Pattern DIGITS = Pattern.compile("\\d{1,3}");

	private static final Pattern DIGITS_COLLECTIVE = Pattern.compile("(\\d{1,2})'?en");

	private static final Pattern DECIMAL = Pattern.compile("(\\d+)[.,](\\d+)");

	private DutchNumbers() {
	}

	/** A whole number written as digits or as a Dutch word ("drie", "vierentwintig", "drietal"). */
	static Integer wholeNumber(String token) {
		if (DIGITS.matcher(token).matches()) {
			return Integer.valueOf(token);
		}
		Integer word = NUMBERS.get(token);
		if (word != null) {
			return word;
		}
		if (token.endsWith("tal") && token.length() > 3) {
			return wholeNumber(token.substring(0, token.length() - 3));
		}
		for (int unit = 0; unit < UNITS.size(); unit++) {
			for (int ten = 0; ten < TENS.size(); ten++) {
				if (token.equals(UNITS.get(unit) + "en" + TENS.get(ten))) {
					return (ten + 2) * 10 + unit + 1;
				}
			}
		}
		return null;
	}

	static Double amount(String token) {
		Matcher decimal = DECIMAL.matcher(token);
		if (decimal.matches()) {
			return Double.valueOf(decimal.group(1) + "." + decimal.group(2));
		}
		Integer whole = wholeNumber(token);
		return (whole != null) ? Double.valueOf(whole) : null;
	}

	static Integer collective(String token) {
		Integer value = COLLECTIVES.get(token);
		if (value != null) {
			return value;
		}
		Matcher digits = DIGITS_COLLECTIVE.matcher(token);
		if (digits.matches()) {
			return Integer.valueOf(digits.group(1));
		}
		return wholeNumber(token);
	}

}
