package nl.wegwijzer.chat;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A token bucket per key: {@code burst} at once, refilled at a rate per minute. Buckets that went quiet are
 * forgotten. The chat's own one is keyed by session (or by connection before there is a session) and
 * limits frames.
 */
@Component
class RateLimiter {

	private final double capacity;

	private final double tokensPerNano;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofMinutes(10))
		.maximumSize(1_000_000)
		.build();

	@Autowired
	RateLimiter(LimitSettings limits) {
		this(limits.burst(), limits.messagesPerMinute());
	}

	RateLimiter(int burst, int perMinute) {
		this.capacity = burst;
		this.tokensPerNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
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
