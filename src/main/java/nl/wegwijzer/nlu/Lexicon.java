package nl.wegwijzer.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.regex.Pattern;

import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * The words of a language with their dictionary forms ("musea" is a form of "museum", "klikte" of
 * "klikken") and word classes, from LanguageTool's Dutch word list. A word in it is spelt right, so it
 * is never taken for a typo of a word the model knows; a function word or a place name tells nothing of
 * a question's topic. Safe to share.
 */
final class Lexicon {

	/** A language without a word list: every word may be a typo. */
	static final Lexicon NONE = new Lexicon(null);

	private static final String DUTCH = "/org/languagetool/resource/nl/dutch.dict";

	/** The word classes of LanguageTool's Dutch tags that are function words. */
	private static final Pattern FUNCTION_WORD = Pattern.compile("VNW|BYW|VGW|VRZ|GET");

	/** The tag of a place name. */
	private static final String PLACE = "ENM:LOC";

	/** Null for {@link #NONE}. */
	private final Dictionary dictionary;

	private Lexicon(Dictionary dictionary) {
		this.dictionary = dictionary;
	}

	/** The Dutch word list, read once (about 14 MB) when first asked for. */
	static Lexicon dutch() {
		return Dutch.LEXICON;
	}

	/** The dictionary forms of {@code word} (lower case), in the word list's order; empty when it is no word. */
	List<String> lemmas(String word) {
		return lookup(word).stream()
			.map(WordData::getStem)
			.map(CharSequence::toString)
			.distinct()
			.toList();
	}

	/**
	 * Whether every reading of {@code word} (lower case) is a pronoun, adverb, conjunction, preposition or
	 * numeral ("zoiets", "hierover"): a word that tells nothing of what a question is about.
	 */
	boolean functionWord(String word) {
		List<WordData> readings = lookup(word);
		return !readings.isEmpty()
				&& readings.stream().allMatch((reading) -> FUNCTION_WORD.matcher(reading.getTag()).lookingAt());
	}

	/** Whether {@code word} (lower case) with a capital is the name of a place ("luik": "Luik"). */
	boolean place(String word) {
		return !word.isEmpty() && lookup(Character.toUpperCase(word.charAt(0)) + word.substring(1)).stream()
			.anyMatch((reading) -> reading.getTag().toString().startsWith(PLACE));
	}

	private List<WordData> lookup(String word) {
		// A lookup reuses its buffers between calls, so each call has its own.
		return this.dictionary == null ? List.of() : new DictionaryLookup(this.dictionary).lookup(word);
	}

	private static final class Dutch {

		private static final Lexicon LEXICON = read(Lexicon.class.getResource(DUTCH));

		private static Lexicon read(URL url) {
			try {
				return new Lexicon(Dictionary.read(url));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the Dutch word list " + url, ex);
			}
		}

	}

}
