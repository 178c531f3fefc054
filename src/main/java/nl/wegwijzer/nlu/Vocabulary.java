package nl.wegwijzer.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.apache.commons.text.similarity.DamerauLevenshteinDistance;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The word stems a model knows, and how a visitor's word is brought to one of them: a verb form that
 * only adds {@code -t} or {@code -d} ("duurt", "verlengd") meets its stem, a compound of two known
 * words ("projectduur") is split, another form of a known word ("afhaakt") meets it through their
 * dictionary form, and a typo ("loptijd") is corrected to the nearest known stem. Immutable.
 */
final class Vocabulary {

	/** Stems shorter than this are never corrected: too many short words are one letter apart. */
	private static final int MIN_CORRECTED = 3;

	/** Longer "words" (a pasted link, a key held down) are left as they are: no word is this long. */
	private static final int MAX_RESOLVED = 40;

	/** Each half of a split compound is at least this long. */
	private static final int MIN_PART = 3;

	private static final String VOWELS = "aeiouy";

	/** The letter rows of a keyboard, for telling a neighbouring key. */
	private static final String[] KEYBOARD = { "qwertyuiop", "asdfghjkl", "zxcvbnm" };

	private final Set<String> stems;

	/** The stem of a dictionary form with the known stem of a word of that form ("afhak": "afgehaakt"). */
	private final Map<String, String> forms;

	/** Known stems by length, for correcting a typo against words of about the same length only. */
	private final Map<Integer, List<String>> byLength = new TreeMap<>();

	Vocabulary(Set<String> stems) {
		this(stems, Map.of());
	}

	Vocabulary(Set<String> stems, Map<String, String> forms) {
		this.stems = Set.copyOf(stems);
		this.forms = Map.copyOf(forms);
		this.stems.stream()
			.sorted()
			.forEach((stem) -> this.byLength.computeIfAbsent(stem.length(), (n) -> new ArrayList<>()).add(stem));
	}

	boolean knows(String stem) {
		return this.stems.contains(stem);
	}

	/**
	 * The known form of an inflected stem: "duurt" becomes "dur" when "dur" (from "duur", "duren") is
	 * known; otherwise the stem itself. Used both in training and in classification, so that the forms
	 * meet in one feature.
	 */
	String inflection(String word, String stem, UnaryOperator<String> stemmer) {
		char last = word.charAt(word.length() - 1);
		if ((last == 't' || last == 'd') && word.length() > MIN_PART + 1) {
			String shorter = stemmer.apply(word.substring(0, word.length() - 1));
			if (shorter.length() >= MIN_PART && !shorter.equals(stem) && knows(shorter)) {
				return shorter;
			}
		}
		return stem;
	}

	/**
	 * The known stems an unknown word stands for. A word of the language ({@code lemmas} not empty) is
	 * spelt right: it stands for the known stem of its dictionary form ("musea": "museum"), else for the
	 * parts of a compound of known words, else for nothing. Any other word may be a typo: a known stem
	 * one edit off ("loptijd"; two letters swapped, as in "lnad", count as one edit), else the parts of a
	 * compound ("projectduur"), else the nearest known stem within the typo distance (2 for 5 letters or
	 * more, 1 for shorter), else none.
	 */
	List<String> resolve(String word, String stem, List<String> lemmas, UnaryOperator<String> stemmer) {
		if (word.length() > MAX_RESOLVED) {
			return List.of();
		}
		if (!lemmas.isEmpty()) {
			return lemmas.stream()
				.map(stemmer)
				.map((lemma) -> knows(lemma) ? lemma : this.forms.get(lemma))
				.filter(Objects::nonNull)
				.findFirst()
				.map(List::of)
				.orElseGet(() -> compound(word, stemmer));
		}
		List<String> near = nearest(stem, 1);
		if (!near.isEmpty()) {
			return near;
		}
		List<String> parts = compound(word, stemmer);
		if (!parts.isEmpty()) {
			return parts;
		}
		return stem.length() >= 5 ? nearest(stem, 2) : List.of();
	}

	/** The two known stems {@code word} is made of ("projectduur": "project", "dur"), or none. */
	private List<String> compound(String word, UnaryOperator<String> stemmer) {
		for (int i = MIN_PART; i <= word.length() - MIN_PART; i++) {
			String head = stemmer.apply(word.substring(0, i));
			String tail = stemmer.apply(word.substring(i));
			if (knows(head) && knows(tail)) {
				return List.of(head, tail);
			}
		}
		return List.of();
	}

	/**
	 * The known stem nearest to {@code stem} within {@code limit} edits. On a tie the likelier typo wins: a
	 * letter left out, added or swapped, or a neighbouring key or another vowel hit ("parner": "partner",
	 * not "parker"); then the shorter stem, then the first in alphabetical order.
	 */
	private List<String> nearest(String stem, int limit) {
		if (stem.length() < MIN_CORRECTED) {
			return List.of();
		}
		// Two swapped letters are one edit here and two in plain Levenshtein, which is quicker: only the few
		// words within one edit more of it are measured with swaps (a word with two swaps stays as it is).
		LevenshteinDistance near = new LevenshteinDistance(limit + 1);
		DamerauLevenshteinDistance distance = new DamerauLevenshteinDistance(limit);
		String best = null;
		int bestDistance = limit + 1;
		int bestCost = Integer.MAX_VALUE;
		for (int length = stem.length() - limit; length <= stem.length() + limit; length++) {
			for (String candidate : this.byLength.getOrDefault(length, List.of())) {
				int d = near.apply(stem, candidate) < 0 ? -1 : distance.apply(stem, candidate);
				if (d < 0 || d > bestDistance) {
					continue;
				}
				int cost = typoCost(stem, candidate);
				if (d < bestDistance || cost < bestCost) {
					best = candidate;
					bestDistance = d;
					bestCost = cost;
				}
			}
		}
		return best == null ? List.of() : List.of(best);
	}

	/**
	 * Edit distance in which a letter left out, added or swapped costs 2, and so does a letter typed
	 * for a neighbouring key or a vowel for another vowel; any other wrong letter costs 3.
	 */
	private static int typoCost(String typed, String meant) {
		int[][] cost = new int[typed.length() + 1][meant.length() + 1];
		for (int i = 0; i <= typed.length(); i++) {
			for (int j = 0; j <= meant.length(); j++) {
				if (i == 0 || j == 0) {
					cost[i][j] = 2 * (i + j);
					continue;
				}
				char a = typed.charAt(i - 1);
				char b = meant.charAt(j - 1);
				int substitution = (a == b) ? 0 : (slip(a, b) ? 2 : 3);
				cost[i][j] = Math.min(cost[i - 1][j - 1] + substitution,
						Math.min(cost[i - 1][j], cost[i][j - 1]) + 2);
				if (i > 1 && j > 1 && a == meant.charAt(j - 2) && typed.charAt(i - 2) == b) {
					cost[i][j] = Math.min(cost[i][j], cost[i - 2][j - 2] + 2);
				}
			}
		}
		return cost[typed.length()][meant.length()];
	}

	/** A vowel for another vowel, or a key next to the one meant (on the same row or the row above or below). */
	private static boolean slip(char a, char b) {
		if (VOWELS.indexOf(a) >= 0 && VOWELS.indexOf(b) >= 0) {
			return true;
		}
		for (int row = 0; row < KEYBOARD.length; row++) {
			int i = KEYBOARD[row].indexOf(a);
			if (i < 0) {
				continue;
			}
			for (int other = Math.max(0, row - 1); other <= Math.min(KEYBOARD.length - 1, row + 1); other++) {
				int j = KEYBOARD[other].indexOf(b);
				// Each row starts about half a key further right than the one above it.
				if (j >= 0 && Math.abs((j + other * 0.5) - (i + row * 0.5)) <= 1) {
					return true;
				}
			}
		}
		return false;
	}

}
