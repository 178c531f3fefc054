package nl.wegwijzer.helpdesk;

import java.util.List;

import nl.wegwijzer.dialog.Dialog;
import nl.wegwijzer.nlu.Classification;
import nl.wegwijzer.nlu.Intent;
import nl.wegwijzer.nlu.IntentService;
import nl.wegwijzer.nlu.OpenNlpIntentClassifier;
import nl.wegwijzer.nlu.ScoredIntent;

import org.springframework.stereotype.Service;

/**
 * Triage of an enquiry that came in some other way, such as an e-mail: what it is about, where the
 * applicant should go, and the answer the bot would give, for staff to copy.
 */
@Service
class Triage {

	static final int MAX_TEXT_CHARS = 20_000;

	/**
	 * @param intent the recognised intent, or {@code fallback}
	 * @param alternatives the best intents, best first, with their Dutch labels
	 * @param route where to apply as far as the text tells, or {@code null}
	 * @param answer the suggested reply text
	 */
	record Result(String intent, double confidence, List<Alternative> alternatives, String route, String answer) {

		Result {
			alternatives = List.copyOf(alternatives);
		}

	}

	record Alternative(String intent, double score, String label) {
	}

	private final IntentService nlu;

	private final Dialog dialog;

	Triage(IntentService nlu, Dialog dialog) {
		this.nlu = nlu;
		this.dialog = dialog;
	}

	/** @throws StaffApiException for an empty or too long text */
	Result triage(String text) {
		if (text == null || text.isBlank()) {
			throw StaffApiException.badRequest("Plak eerst de tekst van de vraag.");
		}
		if (text.length() > MAX_TEXT_CHARS) {
			throw StaffApiException.badRequest("De tekst is te lang: hoogstens " + MAX_TEXT_CHARS + " tekens.");
		}
		Classification classification = this.nlu.classify(text);
		List<Alternative> alternatives = classification.alternatives()
			.stream()
			.map((s) -> new Alternative(s.intent(), s.score(), label(s)))
			.toList();
		// A fallback suggests what the bot itself says to a question it cannot answer.
		String answerIntent = classification.understood() ? classification.intent() : OpenNlpIntentClassifier.OUT_OF_SCOPE;
		String answer = this.nlu.intent(answerIntent).map(Intent::answer).orElse(null);
		return new Result(classification.intent(), classification.confidence(), alternatives,
				this.dialog.suggestRoute(text).orElse(null), answer);
	}

	private String label(ScoredIntent scored) {
		return this.nlu.intent(scored.intent()).map(Intent::label).orElse(scored.intent());
	}

}
