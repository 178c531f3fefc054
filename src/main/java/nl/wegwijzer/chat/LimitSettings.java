package nl.wegwijzer.chat;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on what a visitor may send, under {@code wegwijzer.limits}.
 *
 * @param maxMessageChars longest message text, in characters; longer gets {@code too_large}
 * @param maxFrameBytes largest frame read at all; larger closes the connection with 1009
 * @param messagesPerMinute frames a session may send per minute on average; more get
 * {@code rate_limited}
 * @param burst frames a session may send at once before the per-minute rate applies
 * @param connectionsPerIp open chat connections allowed from one client address
 * @param conversationsPerMinute new conversations one client address may start per minute (at once, then
 * at this rate); more get {@code rate_limited} and store nothing
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} is believed
 * @param idleTimeout a connection whose client sent no frame (pongs do not count) for this long is closed
 * @param pingInterval how often the server pings; a client that answered no ping for two intervals is
 * closed
 */
@ConfigurationProperties("wegwijzer.limits")
public record LimitSettings(int maxMessageChars, int maxFrameBytes, int messagesPerMinute, int burst,
		int connectionsPerIp, int conversationsPerMinute, List<String> trustedProxies, Duration idleTimeout, Duration pingInterval) {

	public LimitSettings {
		trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
	}

}
