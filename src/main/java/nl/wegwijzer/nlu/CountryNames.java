package nl.wegwijzer.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * The names and aliases of the countries in {@code content/countries.yml}, the list the eligibility
 * check reads, normalised as visitor text is: one list of countries for the whole bot. Read here
 * rather than through the dialog's {@code Countries}, because the dialog depends on the classifier,
 * not the other way round; only the words are needed, not which list a country is on.
 */
final class CountryNames {

	static final CountryNames ALL = load("content/countries.yml");

	private static final int LONGEST = 3;

	private final Set<String> names;

	private CountryNames(Set<String> names) {
		this.names = Set.copyOf(names);
	}

	/** Whether a country name of one to three words ends at word {@code end}. */
	boolean endsAt(String[] words, int end) {
		for (int length = 1; length <= LONGEST && length <= end + 1; length++) {
			if (this.names.contains(String.join(" ", Arrays.copyOfRange(words, end + 1 - length, end + 1)))) {
				return true;
			}
		}
		return false;
	}

	private static CountryNames load(String location) {
		TextPipeline pipeline = new TextPipeline(TextPipeline.Language.NL);
		try (InputStream in = new ClassPathResource(location).getInputStream()) {
			JsonNode root = new YAMLMapper().readTree(in);
			Set<String> names = new HashSet<>();
			for (String group : List.of("programme", "partner")) {
				for (JsonNode country : root.path(group)) {
					Stream.concat(Stream.of(country.path("name")), country.path("aliases").valueStream())
						.map((name) -> pipeline.normalize(name.asString()))
						.forEach(names::add);
				}
			}
			return new CountryNames(names);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
