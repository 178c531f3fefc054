package nl.wegwijzer.nlu;

import java.util.List;

/**
 * What the classifier made of one utterance.
 *
 * @param intent the recognised intent, or {@link #FALLBACK} when nothing was understood well enough
 * @param confidence the model's probability for its best intent
 * @param alternatives the best intents, best first (at most three)
 * @param ambiguous whether the two best in-scope intents are too close to choose between
 */
public record Classification(String intent, double confidence, List<ScoredIntent> alternatives, boolean ambiguous) {

	public static final String FALLBACK = "fallback";

	public Classification {
		alternatives = List.copyOf(alternatives);
	}

	public boolean understood() {
		return !FALLBACK.equals(this.intent);
	}

}
