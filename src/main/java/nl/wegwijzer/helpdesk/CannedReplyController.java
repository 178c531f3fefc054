package nl.wegwijzer.helpdesk;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import nl.wegwijzer.nlu.Classification;
import nl.wegwijzer.nlu.Intent;
import nl.wegwijzer.nlu.IntentService;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Canned replies are the intents' own answers, so staff give the same answer the bot would: searched by
 * words in the intent's name, label or answer; a question in the visitor's words finds its answer too.
 */
@RestController
class CannedReplyController {

	static final int MAX_RESULTS = 10;

	/** One canned reply: the intent it comes from, its Dutch label and the text to insert. */
	record CannedReply(String intent, String label, String text) {
	}

	private final IntentService intents;

	CannedReplyController(IntentService intents) {
		this.intents = intents;
	}

	@GetMapping("/api/staff/canned")
	List<CannedReply> search(@RequestParam(required = false) String q) {
		String query = SearchQuery.checked(q);
		List<String> words = Arrays.stream(plain(query).split(" ")).filter((w) -> !w.isEmpty()).toList();
		List<Intent> found = new ArrayList<>(this.intents.corpus()
			.intents()
			.stream()
			.filter((intent) -> intent.answer() != null && !intent.answer().isBlank())
			.filter((intent) -> words.stream().allMatch((w) -> plain(searchable(intent)).contains(w)))
			.sorted(Comparator.comparing((Intent intent) -> !words.stream().allMatch((w) -> plain(intent.label() + " " + intent.name()).contains(w)))
				.thenComparing(Intent::label))
			.toList());
		if (!words.isEmpty()) {
			Classification understood = this.intents.classify(query);
			if (understood.understood()) {
				this.intents.intent(understood.intent())
					.filter((intent) -> !found.contains(intent) && intent.answer() != null)
					.ifPresent((intent) -> found.add(0, intent));
			}
		}
		return found.stream()
			.limit(MAX_RESULTS)
			.map((intent) -> new CannedReply(intent.name(), intent.label(), intent.answer()))
			.toList();
	}

	private static String searchable(Intent intent) {
		return intent.name().replace('_', ' ') + " " + intent.label() + " " + intent.answer();
	}

	private static String plain(String text) {
		return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replaceAll("[^\\p{L}\\p{N} ]+", " ")
			.replaceAll("\\s+", " ")
			.strip();
	}

}
