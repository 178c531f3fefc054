package nl.wegwijzer.nlu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import opennlp.tools.stemmer.snowball.SnowballStemmer;
import opennlp.tools.tokenize.SimpleTokenizer;

/**
 * Turns raw visitor text into the tokens the model sees: normalised, tokenised with OpenNLP and
 * stemmed with OpenNLP's Snowball stemmer. Stateless apart from the language, so safe to share.
 */
public final class TextPipeline {

	/** The languages the pipeline can stem; Dutch is the bot's own, English is for benchmark corpora. */
	public enum Language {

		NL(SnowballStemmer.ALGORITHM.DUTCH, Lexicon::dutch), EN(SnowballStemmer.ALGORITHM.ENGLISH, () -> Lexicon.NONE);

		private final SnowballStemmer.ALGORITHM algorithm;

		private final Supplier<Lexicon> lexicon;

		Language(SnowballStemmer.ALGORITHM algorithm, Supplier<Lexicon> lexicon) {
			this.algorithm = algorithm;
			this.lexicon = lexicon;
		}

		public static Language of(String code) {
			return valueOf(code.toUpperCase(Locale.ROOT));
		}

	}

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	// Zero-width and other format characters vanish; control and unassigned characters separate words.
	private static final Pattern FORMAT = Pattern.compile("\\p{Cf}");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Co}\\p{Cn}\\p{Cs}]");

	// Snowball leaves "partnerschapp" from "partnerschappen": fold the doubled consonant it leaves.
	private static final Pattern DOUBLED_END = Pattern.compile("([bcdfgklmnprstz])\\1$");

	// "organisatie's", "z'n": the apostrophe inside a word is a spelling choice, not a boundary.
	private static final Pattern INNER_APOSTROPHE = Pattern.compile("(?<=\\p{L})['’`](?=\\p{L})");

	// "EU-landen" is "EU", "landen" and "EUlanden": the parts and the joined word, so that both
	// "sector-overstijgend" and "sectoroverstijgend" and the parts alone meet a known word.
	private static final Pattern HYPHENATED = Pattern.compile("(?<!\\p{L})\\p{L}++(?:[-‐‑–]\\p{L}++)+");

	private static final Pattern HYPHEN = Pattern.compile("[-‐‑–]");

	// "m.b.o." and "mbo" are the same abbreviation.
	private static final Pattern ABBREVIATION_DOT = Pattern.compile("(?<=\\b\\p{L})\\.(?=\\p{L}\\b)");

	private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	// Number words become digits and chat spellings their full word ("zo'n" is "een"), so both forms share features.
	private static final Map<String, String> DUTCH_VARIANTS = Map.ofEntries(Map.entry("hoelang", "hoe lang"),
			Map.entry("twee", "2"), Map.entry("drie", "3"), Map.entry("vier", "4"), Map.entry("vijf", "5"),
			Map.entry("zes", "6"), Map.entry("zeven", "7"), Map.entry("acht", "8"), Map.entry("negen", "9"),
			Map.entry("tien", "10"), Map.entry("twaalf", "12"), Map.entry("ff", "even"), Map.entry("svp", "alstublieft"),
			Map.entry("aub", "alstublieft"), Map.entry("mn", "mijn"), Map.entry("zn", "zijn"),
			Map.entry("zon", "een"), Map.entry("k", "ik"),
			Map.entry("erasmusplus", "erasmus"));

	private static final String COUNTRY = "land";

	// A word with a capital inside a sentence: not first in the text or after a full stop, "?" or "!".
	private static final Pattern CAPITALISED = Pattern.compile("(?<![.!?]\\s{0,3})(?<=[\\s(])\\p{Lu}\\p{Ll}+");

	private final Language language;

	public TextPipeline(Language language) {
		this.language = language;
	}

	public Language language() {
		return this.language;
	}

	/**
	 * Lower case, no accents, no invisible characters, punctuation as spaces and common spelling
	 * variants folded together.
	 */
	public String normalize(String text) {
		String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		s = FORMAT.matcher(s).replaceAll("");
		s = CONTROL.matcher(s).replaceAll(" ");
		s = COMBINING_MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
		s = INNER_APOSTROPHE.matcher(s).replaceAll("");
		s = HYPHENATED.matcher(s)
			.replaceAll((m) -> HYPHEN.matcher(m.group()).replaceAll(" ") + " " + HYPHEN.matcher(m.group()).replaceAll(""));
		s = ABBREVIATION_DOT.matcher(s).replaceAll("");
		s = NON_WORD.matcher(s).replaceAll(" ").strip();
		if (this.language != Language.NL || s.isEmpty()) {
			return s;
		}
		List<String> words = new ArrayList<>();
		for (String word : s.split(" ")) {
			words.add(DUTCH_VARIANTS.getOrDefault(word, word));
		}
		return String.join(" ", words);
	}

	/**
	 * Normalises and tokenises. In Dutch a country is followed by the word "land" ("uit albanie land"),
	 * so that a question about a country the examples never name still reads as one about a country.
	 */
	public String[] words(String text) {
		String[] words = SimpleTokenizer.INSTANCE.tokenize(normalize(text));
		if (this.language != Language.NL) {
			return words;
		}
		List<String> marked = new ArrayList<>(words.length + 2);
		for (int i = 0; i < words.length; i++) {
			marked.add(words[i]);
			if (CountryNames.ALL.endsAt(words, i)) {
				marked.add(COUNTRY);
			}
		}
		return marked.toArray(String[]::new);
	}

	/**
	 * What the model's reading of a text depends on, as a key for caching it: the normalised text, and the
	 * words written with a capital inside a sentence, which may be names.
	 */
	public String key(String text) {
		return normalize(text) + "\n" + String.join(" ", new TreeSet<>(capitalised(text)));
	}

	/** The words written with a capital inside a sentence ("school in Luik"), normalised: likely names. */
	public Set<String> capitalised(String text) {
		return CAPITALISED.matcher(text).results().map((word) -> normalize(word.group())).collect(Collectors.toSet());
	}

	/** Normalises, tokenises and stems. */
	public String[] tokens(String text) {
		String[] tokens = words(text);
		UnaryOperator<String> stemmer = stemmer();
		for (int i = 0; i < tokens.length; i++) {
			tokens[i] = stemmer.apply(tokens[i]);
		}
		return tokens;
	}

	/** The language's words with their dictionary forms. */
	Lexicon lexicon() {
		return this.language.lexicon.get();
	}

	/** A stemmer for one thread: Snowball's keeps state between calls. */
	UnaryOperator<String> stemmer() {
		SnowballStemmer stemmer = new SnowballStemmer(this.language.algorithm);
		return (word) -> {
			// Snowball keeps the plural "-ies" ("organisaties"); the singular stem serves both.
			String singular = word.length() > 5 && word.endsWith("ies") ? word.substring(0, word.length() - 1) : word;
			return DOUBLED_END.matcher(stemmer.stem(singular)).replaceAll("$1");
		};
	}

}
