package nl.wegwijzer.chat;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketSession;

/**
 * New conversations per client address: {@code wegwijzer.limits.conversations-per-minute} at once, then at
 * that rate. Reconnecting does not get round it, as a per-session limit would.
 */
@Component
class ConversationLimiter {

	private final RateLimiter buckets;

	ConversationLimiter(LimitSettings limits) {
		this.buckets = new RateLimiter(limits.conversationsPerMinute(), limits.conversationsPerMinute());
	}

	/** Takes one new conversation for the connection's client address; {@code false} when it has none left. */
	boolean tryStart(WebSocketSession socket) {
		Object address = socket.getAttributes().get(ConnectionLimiter.CLIENT_ADDRESS);
		return this.buckets.tryAcquire(address == null ? "unknown" : (String) address);
	}

}
