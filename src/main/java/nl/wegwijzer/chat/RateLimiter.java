package nl.wegwijzer.chat;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * A token bucket per chat session (or per connection before there is a session): {@code burst} frames
 * at once, refilled at {@code messagesPerMinute}. Buckets of sessions that went quiet are forgotten.
 */
@Component
class RateLimiter {

	private final double capacity;

	private final double tokensPerNano;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofMinutes(10))
		.maximumSize(1_000_000)
		.build();

	RateLimiter(LimitSettings limits) {
		this.capacity = limits.burst();
		this.tokensPerNano = limits.messagesPerMinute() / (double) Duration.ofMinutes(1).toNanos();
	}

	/** Takes one token for {@code key}; {@code false} when the bucket is empty. */
	boolean tryAcquire(String key) {
		return this.buckets.get(key, (k) -> new Bucket(this.capacity, System.nanoTime())).take(this);
	}

	private static final class Bucket {

		private double tokens;

		private long refilledAt;

		Bucket(double tokens, long refilledAt) {
			this.tokens = tokens;
			this.refilledAt = refilledAt;
		}

		synchronized boolean take(RateLimiter limiter) {
			long now = System.nanoTime();
			this.tokens = Math.min(limiter.capacity, this.tokens + (now - this.refilledAt) * limiter.tokensPerNano);
			this.refilledAt = now;
			if (this.tokens < 1) {
				return false;
			}
			this.tokens -= 1;
			return true;
		}

	}

}
