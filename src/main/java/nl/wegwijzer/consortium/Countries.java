package nl.wegwijzer.consortium;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * The Erasmus+ programme and partner countries from {@code content/countries.yml}, and finding them in
 * visitor text by name, adjective or inhabitant, ignoring case, accents and hyphens. Immutable.
 */
final class Countries {

	static final String LOCATION = "content/countries.yml";

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern APOSTROPHES = Pattern.compile("[’‘`´]");

	// A decimal ("2,5"), a word that may hold an apostrophe ("z'n", "ngo's"), or a punctuation mark that
	// ends a clause. Hyphens and everything else separate words: "Noord-Macedonië" is "noord macedonie".
	private static final Pattern TOKEN = Pattern
		.compile("\\d+[.,]\\d+|[\\p{L}\\p{N}]+(?:'[\\p{L}\\p{N}]+)*|[.,;:!?]");

	/**
	 * One country: its Dutch name, whether it is a programme country, the other words for it, and the
	 * article its name takes in a sentence ("het Verenigd Koninkrijk"), or null.
	 */
	record Country(String name, boolean programme, List<String> aliases, String article) {

		Country {
			aliases = List.copyOf(aliases);
		}

		Country(String name, boolean programme, List<String> aliases) {
			this(name, programme, aliases, null);
		}

		/** The name as it goes in a sentence: "het Verenigd Koninkrijk", "Marokko". */
		String inSentence() {
			return (this.article != null) ? this.article + " " + this.name : this.name;
		}

	}

	/** Where a country is mentioned in a tokenised text: tokens {@code start} up to {@code end}, exclusive. */
	record Mention(String country, int start, int end) {
	}

	// An alias as tokens; a null country is a phrase to skip ("zuid amerika").
	private record Alias(List<String> tokens, Country country) {
	}

	private final String period;

	private final List<Country> countries;

	private final Map<String, Country> byWord = new HashMap<>();

	private final Map<String, List<Alias>> aliasesByFirstToken = new HashMap<>();

	Countries(String period, List<Country> countries, List<String> ignored) {
		this.period = period;
		this.countries = List.copyOf(countries);
		for (Country country : this.countries) {
			LinkedHashSet<String> words = new LinkedHashSet<>();
			words.add(country.name());
			words.addAll(country.aliases());
			for (String word : words) {
				add(word, country);
			}
		}
		for (String phrase : ignored) {
			add(phrase, null);
		}
		// Longest first, so "Noord-Ierland" wins over "Ierland" and "Verenigde Staten van Amerika" over "Amerika".
		this.aliasesByFirstToken.values()
			.forEach((aliases) -> aliases.sort(Comparator.comparingInt((Alias a) -> a.tokens().size()).reversed()));
	}

	private void add(String word, Country country) {
		List<String> tokens = tokenise(word);
		if (tokens.isEmpty()) {
			return;
		}
		String key = String.join(" ", tokens);
		if (this.byWord.containsKey(key)) {
			if (this.byWord.get(key) != country) {
				throw new IllegalStateException("'" + word + "' is listed for more than one country in " + LOCATION);
			}
			return;
		}
		this.byWord.put(key, country);
		this.aliasesByFirstToken.computeIfAbsent(tokens.get(0), (first) -> new ArrayList<>())
			.add(new Alias(tokens, country));
	}

	static Countries load() {
		return load(LOCATION);
	}

	static Countries load(String classpathLocation) {
		try (InputStream in = new ClassPathResource(classpathLocation).getInputStream()) {
			Content content = YAMLMapper.builder()
				.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.build()
				.readValue(in, Content.class);
			List<Country> countries = new ArrayList<>();
			content.programme().forEach((entry) -> countries.add(entry.toCountry(true)));
			content.partner().forEach((entry) -> countries.add(entry.toCountry(false)));
			if (content.period() == null || content.period().isBlank()) {
				throw new IllegalStateException(classpathLocation + " must name the programme period its lists follow");
			}
			return new Countries(content.period(), countries, content.ignore());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the countries " + classpathLocation, ex);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Cannot read the countries " + classpathLocation, ex);
		}
	}

	/** The Erasmus+ programme period the lists follow, such as "2014-2020". */
	String period() {
		return this.period;
	}

	List<Country> all() {
		return this.countries;
	}

	/** The country a name or alias stands for, so "belgie" and "Belgische" both give België. */
	Optional<Country> named(String name) {
		if (name == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.byWord.get(String.join(" ", tokenise(name))));
	}

	/** A country's name as it goes in a sentence ("het Verenigd Koninkrijk"); an unknown name as it is. */
	String inSentence(String name) {
		return named(name).map(Country::inSentence).orElse(name);
	}

	boolean isProgramme(String name) {
		return named(name).map(Country::programme).orElse(false);
	}

	boolean isPartner(String name) {
		return named(name).map((country) -> !country.programme()).orElse(false);
	}

	/** The Dutch names of the countries mentioned in a text, in order of first mention, each once. */
	List<String> findIn(String text) {
		LinkedHashSet<String> found = new LinkedHashSet<>();
		mentionsIn(tokenise(text)).forEach((mention) -> found.add(mention.country()));
		return List.copyOf(found);
	}

	/** Every country mention in text tokenised with {@link #tokenise(String)}, longest match first. */
	List<Mention> mentionsIn(List<String> tokens) {
		List<Mention> mentions = new ArrayList<>();
		int i = 0;
		while (i < tokens.size()) {
			Alias alias = aliasAt(tokens, i);
			if (alias == null) {
				i++;
				continue;
			}
			if (alias.country() != null) {
				mentions.add(new Mention(alias.country().name(), i, i + alias.tokens().size()));
			}
			i += alias.tokens().size();
		}
		return mentions;
	}

	private Alias aliasAt(List<String> tokens, int start) {
		for (Alias alias : this.aliasesByFirstToken.getOrDefault(tokens.get(start), List.of())) {
			int end = start + alias.tokens().size();
			if (end <= tokens.size() && tokens.subList(start, end).equals(alias.tokens())) {
				return alias;
			}
		}
		return null;
	}

	/**
	 * Lower case words without accents, and clause punctuation as tokens of their own. The parser and the
	 * country lookup share it, so positions in one are positions in the other.
	 */
	static List<String> tokenise(String text) {
		if (text == null) {
			return List.of();
		}
		String plain = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
		plain = APOSTROPHES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("'");
		List<String> tokens = new ArrayList<>();
		Matcher matcher = TOKEN.matcher(plain);
		while (matcher.find()) {
			tokens.add(matcher.group());
		}
		return tokens;
	}

	private record Content(String period, List<Entry> programme, List<Entry> partner, List<String> ignore) {

		Content {
			programme = programme == null ? List.of() : programme;
			partner = partner == null ? List.of() : partner;
			ignore = ignore == null ? List.of() : ignore;
		}

	}

	private record Entry(String name, List<String> aliases, String article) {

		Country toCountry(boolean programme) {
			return new Country(this.name, programme, (this.aliases != null) ? this.aliases : List.of(), this.article);
		}

	}

}
