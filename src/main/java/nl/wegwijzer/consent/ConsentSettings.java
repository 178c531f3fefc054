package nl.wegwijzer.consent;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the cookie choice, under {@code wegwijzer.consent}.
 *
 * @param categories the optional categories of {@code content/cookies.yml} this deployment offers. A
 * category that governs nothing here (social media, when no page follows the choice) is left out, so
 * the visitor is never asked about something that does not happen.
 */
@ConfigurationProperties("wegwijzer.consent")
public record ConsentSettings(List<String> categories) {

	public ConsentSettings {
		categories = (categories == null) ? List.of() : List.copyOf(categories);
	}

}
