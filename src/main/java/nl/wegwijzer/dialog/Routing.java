package nl.wegwijzer.dialog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import nl.wegwijzer.nlu.TextPipeline;

/**
 * Where a visitor applies, read from what they say about the impact of their project: Youth for
 * out-of-school, non-formal learning, or an education sector. The keywords and cues live in
 * {@code content/dialog.yml}. Stateless, so one instance is shared.
 */
final class Routing {

	/** The route when the impact lies in education but the sector is not known. */
	static final String EDUCATION_UNKNOWN = "onderwijs";

	private final DialogContent content;

	private final TextPipeline text;

	private final Map<String, String> normalizedKeywords = new ConcurrentHashMap<>();

	private final List<Map.Entry<String, DialogContent.Sector>> sectorPhrases;

	Routing(DialogContent content, TextPipeline text) {
		this.content = content;
		this.text = text;
		this.sectorPhrases = sectorPhrases();
	}

	/**
	 * The route a normalised text points to: {@code jeugd}, an education sector id, {@code onderwijs}
	 * when only education is clear, or empty. A button's own text routes as the button says.
	 */
	Optional<String> route(String normalized) {
		if (normalized.equals(this.text.normalize(this.content.impact().youth().option()))) {
			return Optional.of(this.content.youth().id());
		}
		if (normalized.equals(this.text.normalize(this.content.impact().education().option()))) {
			return Optional.of(EDUCATION_UNKNOWN);
		}
		return statedImpact(normalized).or(() -> oneSided(normalized));
	}

	/**
	 * Where the text says the impact mainly lies: the first side named after a cue such as "vooral" or
	 * "de impact ligt", so "wij zijn een school, maar de impact ligt vooral bij het jeugdwerk" is Youth.
	 */
	Optional<String> statedImpact(String normalized) {
		String padded = " " + normalized + " ";
		int after = -1;
		for (String cue : this.content.impact().cues()) {
			String k = " " + this.normalizedKeywords.computeIfAbsent(cue, this.text::normalize) + " ";
			int at = padded.indexOf(k);
			if (at >= 0 && (after < 0 || at + k.length() < after)) {
				after = at + k.length();
			}
		}
		if (after < 0) {
			return Optional.empty();
		}
		String tail = padded.substring(Math.min(after, padded.length())).strip();
		String[] words = tail.split(" ");
		for (int i = 0; i < words.length; i++) {
			// Youth first, phrases included: "niet formeel" is youth work, though "formeel" alone is education.
			if (hits(words[i], this.content.impact().youth().keywords()) > 0 || phraseAt(words, i)) {
				return Optional.of(this.content.youth().id());
			}
			String word = (i + 1 < words.length) ? words[i] + " " + words[i + 1] : words[i];
			if (hits(words[i], this.content.impact().education().keywords()) > 0 || sector(word).isPresent()) {
				// The sector is the one named after the cue: "wij zijn een hogeschool, maar de impact ligt
				// vooral bij het mbo" is mbo.
				return Optional.of(sector(tail).map(DialogContent.Sector::id).orElse(EDUCATION_UNKNOWN));
			}
		}
		return Optional.empty();
	}

	/** Whether a youth keyword of several words ("niet formeel", "vrije tijd") starts at word {@code i}. */
	private boolean phraseAt(String[] words, int i) {
		for (String keyword : this.content.impact().youth().keywords()) {
			String[] phrase = this.normalizedKeywords.computeIfAbsent(keyword, this.text::normalize).split(" ");
			if (phrase.length > 1 && i + phrase.length <= words.length
					&& Arrays.equals(phrase, Arrays.copyOfRange(words, i, i + phrase.length))) {
				return true;
			}
		}
		return false;
	}

	/** The side a text names when it names only one; a text that names both does not say which weighs most. */
	private Optional<String> oneSided(String normalized) {
		Optional<DialogContent.Sector> sector = sector(normalized);
		List<String> youthKeywords = this.content.impact().youth().keywords();
		boolean youth = hits(normalized, youthKeywords) > 0;
		// "niet-formeel leren" is youth work, though "formeel" alone is education: youth words are read first.
		String rest = " " + normalized + " ";
		for (String keyword : youthKeywords) {
			rest = rest.replace(" " + this.normalizedKeywords.computeIfAbsent(keyword, this.text::normalize) + " ", " | ");
		}
		boolean education = hits(rest.strip(), this.content.impact().education().keywords()) > 0 || sector.isPresent();
		if (youth == education) {
			return Optional.empty();
		}
		return Optional.of(youth ? this.content.youth().id()
				: sector.map(DialogContent.Sector::id).orElse(EDUCATION_UNKNOWN));
	}

	/** Where to apply, for a known route: Youth or an education sector ("… dien je de aanvraag in bij Jeugd."). */
	String advice(String route) {
		if (route.equals(this.content.youth().id())) {
			return this.content.youth().reply();
		}
		DialogContent.Sector sector = this.content.sector()
			.sectors()
			.stream()
			.filter((s) -> s.id().equals(route))
			.findFirst()
			.orElseThrow();
		return this.content.sector().reply().replace("{sector}", sector.inSentence());
	}

	/**
	 * The education sector a text names most. Keywords of several words are read first, longest first,
	 * and their words count for no other sector: "hoger secundair onderwijs" is school education.
	 */
	Optional<DialogContent.Sector> sector(String normalized) {
		String rest = " " + normalized + " ";
		Map<DialogContent.Sector, Integer> hits = new LinkedHashMap<>();
		for (Map.Entry<String, DialogContent.Sector> phrase : this.sectorPhrases) {
			if (rest.contains(" " + phrase.getKey() + " ")) {
				hits.merge(phrase.getValue(), 1, Integer::sum);
				rest = rest.replace(" " + phrase.getKey() + " ", " | ");
			}
		}
		String words = rest.strip();
		for (DialogContent.Sector sector : this.content.sector().sectors()) {
			hits.merge(sector, hits(words, sector.keywords().stream().filter((k) -> !k.contains(" ")).toList()),
					Integer::sum);
		}
		return hits.entrySet()
			.stream()
			.filter((e) -> e.getValue() > 0)
			.max(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey);
	}

	/** Every sector keyword of several words, normalised, longest first. */
	private List<Map.Entry<String, DialogContent.Sector>> sectorPhrases() {
		List<Map.Entry<String, DialogContent.Sector>> phrases = new ArrayList<>();
		for (DialogContent.Sector sector : this.content.sector().sectors()) {
			sector.keywords()
				.stream()
				.filter((k) -> k.contains(" "))
				.forEach((k) -> phrases.add(Map.entry(this.text.normalize(k), sector)));
		}
		phrases.sort(Comparator.comparingInt((Map.Entry<String, DialogContent.Sector> e) -> e.getKey().length())
			.reversed());
		return List.copyOf(phrases);
	}

	/**
	 * How many keywords occur in the text: as whole words or phrases, or as the start ("mbo-school") or,
	 * for longer keywords, the end ("schoolonderwijs") of a compound. Linear in the text's length.
	 */
	private int hits(String normalized, List<String> keywords) {
		String padded = " " + normalized + " ";
		String[] words = normalized.split(" ");
		int hits = 0;
		for (String keyword : keywords) {
			String k = this.normalizedKeywords.computeIfAbsent(keyword, this.text::normalize);
			if (k.contains(" ") ? padded.contains(" " + k + " ") : Arrays.stream(words).anyMatch((w) -> w.equals(k)
					|| (k.length() >= 3 && w.startsWith(k)) || (k.length() >= 5 && w.endsWith(k)))) {
				hits++;
			}
		}
		return hits;
	}

}
