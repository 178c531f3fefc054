package nl.wegwijzer.consent;

import java.time.Instant;
import java.util.List;

/**
 * Proof of one consent choice. Never updated: a change or withdrawal is a new record.
 *
 * @param userAgent the browser's user agent, truncated, or {@code null} once the conversation is erased; no
 * IP address is kept
 */
public record ConsentRecord(String id, String sessionId, Instant givenAt, String policyVersion,
		List<String> granted, List<String> refused, Method method, String userAgent) {

	/** How the choice was made. */
	public enum Method {

		ACCEPT_ALL, NECESSARY_ONLY, CUSTOM

	}

	public ConsentRecord {
		granted = List.copyOf(granted);
		refused = List.copyOf(refused);
	}

	public boolean allows(String category) {
		return this.granted.contains(category);
	}

}
