package nl.wegwijzer.helpdesk;

import com.fasterxml.jackson.annotation.JsonProperty;

import nl.wegwijzer.nlu.Evaluation;

/**
 * How the model trained on {@code intents/} alone and the candidate with the labelled examples added
 * scored on the same cross-validation folds, and whether the candidate went into service.
 *
 * @param old the configuration trained on the intents only
 * @param candidate the configuration trained on the intents and the labelled examples
 * @param message what happened, in Dutch, for staff
 */
record RetrainResult(Scores old, @JsonProperty("new") Scores candidate, boolean swapped, String message) {

	/**
	 * @param outOfScopeRejection share of out-of-scope test questions turned down, or {@code null} without any
	 * @param examples how many examples the configuration trains on
	 */
	record Scores(double accuracy, double inScopeAccuracy, Double outOfScopeRejection, int examples) {

		static Scores of(Evaluation.Report report, int examples) {
			return new Scores(report.accuracy(), report.inScopeAccuracy(), report.outOfScopeRejection(), examples);
		}

	}

}
