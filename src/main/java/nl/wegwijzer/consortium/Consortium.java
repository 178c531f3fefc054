package nl.wegwijzer.consortium;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What a visitor said about their consortium, gathered over one or more messages and stored with the
 * conversation as JSON. Every field may be {@code null} (or the list empty): not said yet.
 *
 * @param organisations how many organisations take part in total, the visitor's own included
 * @param countries the countries of the organisations as far as known, as Dutch names (one the country
 * lists do not hold as the visitor wrote it), in the order they were said, each once; the visitor's own
 * country alone (nothing yet about the others) stays out of it
 * @param durationMonths how long the project runs
 * @param extensionMonths by how much the visitor wants to extend it
 * @param applicantCountry where the applying organisation, normally the visitor's own, comes from
 */
public record Consortium(Integer organisations, List<String> countries, Integer durationMonths,
		Integer extensionMonths, String applicantCountry) {

	public Consortium {
		countries = (countries == null) ? List.of()
				: List.copyOf(new LinkedHashSet<>(countries.stream().filter(Objects::nonNull).toList()));
	}

	public static Consortium empty() {
		return new Consortium(null, List.of(), null, null, null);
	}

	/**
	 * This consortium with what a later message said on top: a fact the later message says replaces the
	 * earlier one, countries are added to those already known.
	 */
	public Consortium merge(Consortium later) {
		if (later == null) {
			return this;
		}
		List<String> allCountries = new ArrayList<>(this.countries);
		allCountries.addAll(later.countries());
		return new Consortium(orElse(later.organisations(), this.organisations), allCountries,
				orElse(later.durationMonths(), this.durationMonths),
				orElse(later.extensionMonths(), this.extensionMonths),
				orElse(later.applicantCountry(), this.applicantCountry));
	}

	/** Whether nothing at all was said. */
	@JsonIgnore
	public boolean isEmpty() {
		return this.organisations == null && this.countries.isEmpty() && this.durationMonths == null
				&& this.extensionMonths == null && this.applicantCountry == null;
	}

	private static <T> T orElse(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
