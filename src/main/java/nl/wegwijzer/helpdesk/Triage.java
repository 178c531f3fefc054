package nl.wegwijzer.helpdesk;

import java.util.ArrayList;
import java.util.List;

import nl.wegwijzer.dialog.Dialog;
import nl.wegwijzer.nlu.Classification;
import nl.wegwijzer.nlu.Intent;
import nl.wegwijzer.nlu.IntentService;
import nl.wegwijzer.nlu.MessageAnalysis;
import nl.wegwijzer.nlu.OpenNlpIntentClassifier;
import nl.wegwijzer.nlu.ScoredIntent;
import nl.wegwijzer.system.ContentFiles;

import org.springframework.stereotype.Service;

import static nl.wegwijzer.helpdesk.HelpdeskTexts.SAY;

/**
 * Triage of an enquiry that came in some other way, such as an e-mail: which questions it asks, where
 * the applicant should go, the answer the bot would give to each, and a draft answer e-mail for staff to
 * check and send.
 */
@Service
class Triage {

	static final int MAX_TEXT_CHARS = 20_000;

	/**
	 * @param intent the recognised intent of the first question, or {@code fallback}
	 * @param alternatives the first question's best intents, best first, with their Dutch labels
	 * @param route where to apply as far as the text tells, or {@code null}
	 * @param answer the suggested reply to the first question
	 * @param questions every question found, in order
	 * @param reply a draft answer e-mail to all of them
	 */
	record Result(String intent, double confidence, List<Alternative> alternatives, String route, String answer,
			List<Question> questions, String reply) {

		Result {
			alternatives = List.copyOf(alternatives);
			questions = List.copyOf(questions);
		}

	}

	record Alternative(String intent, double score, String label) {
	}

	/** One question of the enquiry: its text, what it is about and the bot's answer to it. */
	record Question(String text, String intent, double confidence, String answer) {
	}

	/** The draft e-mail's own sentences, from {@code content/triage.yml}. */
	record Letter(String salutation, String neutralSalutation, String intro, String notAnswered, String noQuestion,
			String closing) {

		static Letter load() {
			return ContentFiles.read("triage.yml", Letter.class);
		}

	}

	private final IntentService nlu;

	private final Dialog dialog;

	private final Letter letter = Letter.load();

	Triage(IntentService nlu, Dialog dialog) {
		this.nlu = nlu;
		this.dialog = dialog;
	}

	/** @throws StaffApiException for an empty or too long text */
	Result triage(String text) {
		if (text == null || text.isBlank()) {
			throw StaffApiException.badRequest(SAY.errors().noQuestion());
		}
		if (text.length() > MAX_TEXT_CHARS) {
			throw StaffApiException.badRequest(ContentFiles.fill(SAY.errors().questionTooLong(), "max", MAX_TEXT_CHARS));
		}
		MessageAnalysis analysis = this.nlu.analyze(text);
		Classification first = analysis.first();
		List<Alternative> alternatives = first.alternatives()
			.stream()
			.map((s) -> new Alternative(s.intent(), s.score(), label(s)))
			.toList();
		String route = this.dialog.suggestRoute(text).orElse(null);
		String routeAdvice = route == null ? null : this.dialog.routeAdvice(route).orElse(null);
		List<Question> questions = analysis.questions()
			.stream()
			.map((q) -> new Question(q.text(), q.intent(), q.classification().confidence(), answer(q.intent(), routeAdvice)))
			.toList();
		return new Result(first.intent(), first.confidence(), alternatives, route,
				answer(first.intent(), routeAdvice), questions, draft(analysis, questions));
	}

	/** The bot's answer; where to apply gets the sector the text points to. A fallback gets the out-of-scope answer. */
	private String answer(String intent, String routeAdvice) {
		boolean understood = !intent.equals(Classification.FALLBACK);
		String answer = this.nlu.intent(understood ? intent : OpenNlpIntentClassifier.OUT_OF_SCOPE)
			.map(Intent::answer)
			.orElse(null);
		return intent.equals(Dialog.WHERE_TO_APPLY) && routeAdvice != null ? answer + " " + routeAdvice : answer;
	}

	/** "Beste Sanne," or a neutral salutation, the answers in order, and a closing that names the helpdesk. */
	private String draft(MessageAnalysis analysis, List<Question> questions) {
		List<String> parts = new ArrayList<>();
		parts.add(analysis.senderFirstName() == null ? this.letter.neutralSalutation()
				: this.letter.salutation().replace("{name}", analysis.senderFirstName()));
		if (analysis.answerable().isEmpty()) {
			parts.add(this.letter.noQuestion());
		}
		else {
			parts.add(this.letter.intro());
			for (Question question : questions) {
				parts.add(question.intent().equals(Classification.FALLBACK)
						? this.letter.notAnswered().replace("{question}", question.text()) : plain(question.answer()));
			}
		}
		parts.add(this.letter.closing());
		return String.join("\n\n", parts);
	}

	/** An answer's chat markdown as e-mail text: "[gids](https://…)" becomes "gids (https://…)", bold plain. */
	static String plain(String answer) {
		return answer.replaceAll("\\[([^\\]]+)\\]\\((https://[^)\\s]+)\\)", "$1 ($2)").replaceAll("\\*\\*([^*]+)\\*\\*", "$1");
	}

	private String label(ScoredIntent scored) {
		return this.nlu.intent(scored.intent()).map(Intent::label).orElse(scored.intent());
	}

}
