package nl.wegwijzer.helpdesk;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Failed logins per user name <em>and</em> client address, for form login and HTTP Basic alike. After
 * {@value #FREE_FAILURES} failures that pair is refused for {@link #FIRST_DELAY}, and every further failure
 * doubles the delay, up to {@link #MAX_DELAY}; while refused, even the right password is. Only the pair is
 * held up: a colleague logging in from elsewhere is not, so nobody can lock someone else out. Failures are
 * forgotten {@link #MEMORY} after the last one, or at a successful login from that address. Unknown names
 * count too, so a refusal tells nothing about which names exist. Counted in the database (table
 * {@code login_failure}), so that a load balancer spreading the attempts over several instances gains an
 * attacker nothing; the pair is kept only as a hash.
 */
class LoginAttempts {

	static final int FREE_FAILURES = 5;

	static final Duration FIRST_DELAY = Duration.ofMinutes(1);

	static final Duration MAX_DELAY = Duration.ofHours(1);

	static final Duration MEMORY = Duration.ofHours(24);

	private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	LoginAttempts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** When the refusal of this name from this address ends, if it is refused now. */
	Optional<Instant> lockedUntil(String username, String address) {
		long now = this.clock.millis();
		return this.jdbc.sql("""
				select refused_until from login_failure
				where pair_hash = :pair and refused_until > :now and last_failed > :forgotten
				""")
			.param("pair", key(username, address))
			.param("now", now)
			.param("forgotten", now - MEMORY.toMillis())
			.query(Long.class)
			.optional()
			.map(Instant::ofEpochMilli);
	}

	void failed(String username, String address) {
		String pair = key(username, address);
		long now = this.clock.millis();
		// One atomic increment, whichever instance counts: update, else insert, else (lost a race) update.
		if (increment(pair, now) == 0) {
			try {
				this.jdbc.sql("insert into login_failure (pair_hash, failures, last_failed) values (:pair, 1, :now)")
					.param("pair", pair)
					.param("now", now)
					.update();
			}
			catch (DuplicateKeyException ex) {
				increment(pair, now);
			}
		}
		int count = this.jdbc.sql("select failures from login_failure where pair_hash = :pair")
			.param("pair", pair)
			.query(Integer.class)
			.single();
		if (count >= FREE_FAILURES) {
			Instant refusedUntil = Instant.ofEpochMilli(now).plus(delay(count));
			this.jdbc.sql("""
					update login_failure set refused_until = :until
					where pair_hash = :pair and (refused_until is null or refused_until < :until)
					""")
				.param("until", refusedUntil.toEpochMilli())
				.param("pair", pair)
				.update();
			log.warn("Staff login '{}' from {} refused until {} after {} failed attempts", printable(username),
					printable(address), refusedUntil, count);
		}
		// Failures are forgotten MEMORY after the last one: deleting them here keeps the table to a day's worth.
		this.jdbc.sql("delete from login_failure where last_failed <= :forgotten")
			.param("forgotten", now - MEMORY.toMillis())
			.update();
	}

	/** Counts one more failure, from one again when the last one is forgotten; 0 when there is no row. */
	private int increment(String pair, long now) {
		return this.jdbc.sql("""
				update login_failure
				set failures = case when last_failed <= :forgotten then 1 else failures + 1 end,
				    refused_until = case when last_failed <= :forgotten then null else refused_until end,
				    last_failed = :now
				where pair_hash = :pair
				""")
			.param("forgotten", now - MEMORY.toMillis())
			.param("now", now)
			.param("pair", pair)
			.update();
	}

	void succeeded(String username, String address) {
		this.jdbc.sql("delete from login_failure where pair_hash = :pair").param("pair", key(username, address)).update();
	}

	/** {@link #FIRST_DELAY} at the first failure past the free ones, doubled at each one after it. */
	static Duration delay(int failures) {
		int doublings = Math.min(failures - FREE_FAILURES, 20);
		Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
		return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
	}

	/**
	 * Wraps the real check: refuses held-up pairs before it, counts its failures after it. The address
	 * comes from the {@link LoginDetails} the login filters attach.
	 */
	AuthenticationProvider guarding(AuthenticationProvider delegate) {
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) throws AuthenticationException {
				String username = authentication.getName();
				String address = (authentication.getDetails() instanceof LoginDetails details) ? details.clientAddress()
						: "unknown";
				Optional<Instant> locked = lockedUntil(username, address);
				if (locked.isPresent()) {
					throw new TooManyLoginAttemptsException(locked.get());
				}
				try {
					Authentication result = delegate.authenticate(authentication);
					if (result != null) {
						succeeded(username, address);
					}
					return result;
				}
				catch (BadCredentialsException ex) {
					failed(username, address);
					throw ex;
				}
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return delegate.supports(authentication);
			}

		};
	}

	/** The pair as stored: a hash, as long however long the name typed, and no address in the clear. */
	private static String key(String username, String address) {
		String pair = StaffAccounts.key(username) + "\n" + address;
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(pair.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A user name as typed, safe to log on one line. */
	private static String printable(String username) {
		String cut = username.length() > 64 ? username.substring(0, 64) + "…" : username;
		return cut.replaceAll("\\p{Cntrl}", "?");
	}

	/** What the login filters know of an attempt besides the name and password. */
	record LoginDetails(String clientAddress) implements Serializable {
	}

	/** An attempt refused because its name and address are held up. */
	static class TooManyLoginAttemptsException extends AuthenticationException {

		private final transient Instant lockedUntil;

		TooManyLoginAttemptsException(Instant lockedUntil) {
			super("Too many failed logins");
			this.lockedUntil = lockedUntil;
		}

		Instant lockedUntil() {
			return this.lockedUntil;
		}

	}

}
