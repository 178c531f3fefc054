package nl.wegwijzer.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketSession;

/**
 * New conversations per client address: {@code wegwijzer.limits.conversations-per-minute} at once, then at
 * that rate. Reconnecting does not get round it, as a per-session limit would, and neither does a load
 * balancer: the token bucket is a row of {@code conversation_quota}, taken from with a compare-and-set, so
 * every instance on the database draws from the same one.
 */
@Component
class ConversationLimiter {

	/** A bucket untouched this long is full again, the same as none: its row can go. */
	private static final Duration FORGOTTEN = Duration.ofMinutes(2);

	/** Compare-and-set rounds before giving up on a bucket that many instances take from at once. */
	private static final int ATTEMPTS = 10;

	private static final int MAX_ADDRESS_CHARS = 64;

	private record Bucket(double tokens, long refilledAt) {
	}

	private final JdbcClient jdbc;

	private final double capacity;

	private final double tokensPerMilli;

	ConversationLimiter(JdbcClient jdbc, LimitSettings limits) {
		this.jdbc = jdbc;
		this.capacity = limits.conversationsPerMinute();
		this.tokensPerMilli = limits.conversationsPerMinute() / (double) Duration.ofMinutes(1).toMillis();
	}

	/** Takes one new conversation for the connection's client address; {@code false} when it has none left. */
	boolean tryStart(WebSocketSession socket) {
		Object address = socket.getAttributes().get(ConnectionLimiter.CLIENT_ADDRESS);
		return tryStart(address == null ? "unknown" : (String) address);
	}

	boolean tryStart(String clientAddress) {
		String address = key(clientAddress);
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			// Wall-clock time, shared by the instances, not the application's clock that tests hold still.
			long now = System.currentTimeMillis();
			Optional<Bucket> found = this.jdbc
				.sql("select tokens, refilled_at from conversation_quota where address = :address")
				.param("address", address)
				.query((rs, row) -> new Bucket(rs.getDouble("tokens"), rs.getLong("refilled_at")))
				.optional();
			if (found.isEmpty()) {
				try {
					this.jdbc.sql("insert into conversation_quota (address, tokens, refilled_at) values (:address, :tokens, :now)")
						.param("address", address)
						.param("tokens", this.capacity - 1)
						.param("now", now)
						.update();
					return true;
				}
				catch (DuplicateKeyException ex) {
					continue;
				}
			}
			Bucket before = found.get();
			double tokens = Math.min(this.capacity,
					before.tokens() + Math.max(0, now - before.refilledAt()) * this.tokensPerMilli);
			if (tokens < 1) {
				return false;
			}
			int taken = this.jdbc.sql("""
					update conversation_quota set tokens = :tokens, refilled_at = :now
					where address = :address and tokens = :before and refilled_at = :beforeAt
					""")
				.param("tokens", tokens - 1)
				.param("now", Math.max(now, before.refilledAt()))
				.param("address", address)
				.param("before", before.tokens())
				.param("beforeAt", before.refilledAt())
				.update();
			if (taken == 1) {
				return true;
			}
		}
		return false;
	}

	@Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
	void forgetFullBuckets() {
		this.jdbc.sql("delete from conversation_quota where refilled_at < :forgotten")
			.param("forgotten", System.currentTimeMillis() - FORGOTTEN.toMillis())
			.update();
	}

	/** An address as stored; whatever a trusted proxy passed on fits the column. */
	private static String key(String address) {
		if (address.length() <= MAX_ADDRESS_CHARS) {
			return address;
		}
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
