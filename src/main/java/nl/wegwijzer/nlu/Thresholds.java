package nl.wegwijzer.nlu;

/**
 * The out-of-scope decision's four settings (see {@link NluSettings}), chosen by cross-validation
 * with {@code evaluate --tune}.
 */
public record Thresholds(double minConfidence, double minMargin, double minPairConfidence, double minLead) {
}
