package nl.wegwijzer.nlu;

/** An intent with the probability the model gives it. */
public record ScoredIntent(String intent, double score) {
}
