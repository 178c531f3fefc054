package nl.wegwijzer.nlu;

import java.util.List;

/**
 * What one message asks, as {@link MessageAnalyzer} reads it: the questions it found, in order, each
 * with its classification, and the sentences around them.
 *
 * @param questions every question found, in order, understood or not
 * @param context sentences that tell something but ask nothing ("wij zijn een mbo-school in Utrecht")
 * @param senderFirstName the first name under the closing formula of an e-mail, or {@code null}
 * @param english whether the message is written in English
 */
public record MessageAnalysis(List<Question> questions, List<String> context, String senderFirstName,
		boolean english) {

	public MessageAnalysis {
		questions = List.copyOf(questions);
		context = List.copyOf(context);
	}

	/** One question of the message and what the classifier made of it. */
	public record Question(String text, Classification classification) {

		public String intent() {
			return this.classification.intent();
		}

		public boolean understood() {
			return this.classification.understood();
		}

	}

	/** The questions the bot can answer: understood, each intent once, in the order asked. */
	public List<Question> answerable() {
		return this.questions.stream().filter(Question::understood).toList();
	}

	/** The intents of {@link #answerable()}, in order. */
	public List<String> intents() {
		return answerable().stream().map(Question::intent).toList();
	}

	/** The first answerable question's classification, or the first question's when none is. */
	public Classification first() {
		return answerable().stream()
			.findFirst()
			.or(() -> this.questions.stream().findFirst())
			.map(Question::classification)
			.orElseGet(() -> new Classification(Classification.FALLBACK, 0, List.of(), false));
	}

}
