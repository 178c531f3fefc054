package nl.wegwijzer.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Settings of the intent classifier, under {@code wegwijzer.nlu}.
 *
 * @param minConfidence below this probability the best intent is not trusted and the bot falls back
 * @param minMargin when the two best intents are closer than this, the result is ambiguous
 * @param minPairConfidence below {@code minConfidence}, two in-scope intents that together reach this
 * are offered as a choice ("Bedoel je … of …?") rather than given up on
 * @param minLead below {@code minConfidence} but above half of it, an intent this many times as
 * probable as the next is trusted: "hoi" is a greeting even where the model spreads its probability
 * over many intents; 0 turns it off
 * @param iterations maximum-entropy training iterations
 * @param cutoff features seen fewer times than this are dropped
 * @param cacheSize how many classification results are kept, keyed by normalised text
 * @param intents where the intent files are, such as {@code classpath*:intents/} or {@code file:intents/}
 */
@ConfigurationProperties("wegwijzer.nlu")
public record NluSettings(double minConfidence, double minMargin, double minPairConfidence, double minLead, int iterations,
		int cutoff, long cacheSize, String intents) {

	public Thresholds thresholds() {
		return new Thresholds(this.minConfidence, this.minMargin, this.minPairConfidence, this.minLead);
	}

	/** The same settings with other thresholds. */
	public NluSettings with(Thresholds thresholds) {
		return new NluSettings(thresholds.minConfidence(), thresholds.minMargin(), thresholds.minPairConfidence(),
				thresholds.minLead(), this.iterations, this.cutoff, this.cacheSize, this.intents);
	}

	/** The settings as the bundled {@code application.yml} has them, for use without Spring. */
	public static NluSettings bundled() {
		try {
			List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yml",
					new ClassPathResource("application.yml"));
			return new Binder(ConfigurationPropertySources.from(yaml)).bindOrCreate("wegwijzer.nlu", NluSettings.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
