package nl.wegwijzer.nlu;

/**
 * The out-of-scope decision's three settings (see {@link NluSettings}), chosen by cross-validation
 * with {@code evaluate --tune}.
 */
public record Thresholds(double minConfidence, double minMargin, double minPairConfidence) {
}
