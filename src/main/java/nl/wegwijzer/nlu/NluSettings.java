package nl.wegwijzer.nlu;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the intent classifier, under {@code wegwijzer.nlu}.
 *
 * @param minConfidence below this probability the best intent is not trusted and the bot falls back
 * @param minMargin when the two best intents are closer than this, the result is ambiguous
 * @param iterations maximum-entropy training iterations
 * @param cutoff features seen fewer times than this are dropped
 * @param cacheSize how many classification results are kept, keyed by normalised text
 * @param intents where the intent files are, such as {@code classpath*:intents/} or {@code file:intents/}
 */
@ConfigurationProperties("wegwijzer.nlu")
public record NluSettings(double minConfidence, double minMargin, int iterations, int cutoff, long cacheSize,
		String intents) {
}
