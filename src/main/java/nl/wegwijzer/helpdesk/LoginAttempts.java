package nl.wegwijzer.helpdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * count too, so a refusal tells nothing about which names exist.
 */
class LoginAttempts {

	static final int FREE_FAILURES = 5;

	static final Duration FIRST_DELAY = Duration.ofMinutes(1);

	static final Duration MAX_DELAY = Duration.ofHours(1);

	static final Duration MEMORY = Duration.ofHours(24);

	private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

	/** Failures of one name from one address, and until when that pair is refused. */
	private record Failures(int count, Instant refusedUntil) {
	}

	/** Who tries to log in: the name typed and the client address. */
	private record Key(String username, String address) {
	}

	/** Bounded, so a flood of made-up names or addresses cannot exhaust memory. */
	private final Cache<Key, Failures> failures = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(MEMORY)
		.build();

	private final Clock clock;

	LoginAttempts(Clock clock) {
		this.clock = clock;
	}

	/** When the refusal of this name from this address ends, if it is refused now. */
	Optional<Instant> lockedUntil(String username, String address) {
		Failures found = this.failures.getIfPresent(key(username, address));
		Instant now = this.clock.instant();
		return Optional.ofNullable(found).map(Failures::refusedUntil).filter(now::isBefore);
	}

	void failed(String username, String address) {
		Instant now = this.clock.instant();
		Failures after = this.failures.asMap().compute(key(username, address), (key, before) -> {
			int count = (before == null ? 0 : before.count()) + 1;
			return new Failures(count, count < FREE_FAILURES ? null : now.plus(delay(count)));
		});
		if (after.refusedUntil() != null) {
			log.warn("Staff login '{}' from {} refused until {} after {} failed attempts", printable(username),
					printable(address), after.refusedUntil(), after.count());
		}
	}

	void succeeded(String username, String address) {
		this.failures.invalidate(key(username, address));
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

	private static Key key(String username, String address) {
		return new Key(StaffAccounts.key(username), address);
	}

	/** A user name as typed, safe to log on one line. */
	private static String printable(String username) {
		String cut = username.length() > 64 ? username.substring(0, 64) + "…" : username;
		return cut.replaceAll("\\p{Cntrl}", "?");
	}

	/** What the login filters know of an attempt besides the name and password. */
	record LoginDetails(String clientAddress) {
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
