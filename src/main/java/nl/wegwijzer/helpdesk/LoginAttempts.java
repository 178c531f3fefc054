package nl.wegwijzer.helpdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * Failed logins per user name, for form login and HTTP Basic alike: after {@value #MAX_FAILURES}
 * failures within {@link #WINDOW}, every attempt for that name is refused for {@link #LOCK}, even with
 * the right password. Unknown names count too, so the lock tells nothing about which names exist.
 */
class LoginAttempts {

	static final int MAX_FAILURES = 5;

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration LOCK = Duration.ofMinutes(15);

	private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

	/** Recent failures of one name, and the end of its lock if it has one. */
	private record Failures(List<Instant> times, Instant lockedUntil) {
	}

	/** Bounded, so a flood of made-up names cannot exhaust memory. */
	private final Cache<String, Failures> failures = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(WINDOW.plus(LOCK))
		.build();

	private final Clock clock;

	LoginAttempts(Clock clock) {
		this.clock = clock;
	}

	/** When the lock on this name ends, if it is locked now. */
	Optional<Instant> lockedUntil(String username) {
		Failures found = this.failures.getIfPresent(StaffAccounts.key(username));
		Instant now = this.clock.instant();
		return Optional.ofNullable(found).map(Failures::lockedUntil).filter(now::isBefore);
	}

	void failed(String username) {
		Instant now = this.clock.instant();
		Failures after = this.failures.asMap().compute(StaffAccounts.key(username), (key, before) -> {
			List<Instant> recent = new ArrayList<>();
			if (before != null) {
				before.times().stream().filter((t) -> t.isAfter(now.minus(WINDOW))).forEach(recent::add);
			}
			recent.add(now);
			return recent.size() >= MAX_FAILURES ? new Failures(List.of(), now.plus(LOCK))
					: new Failures(List.copyOf(recent), null);
		});
		if (after.lockedUntil() != null) {
			log.warn("Staff login '{}' locked until {} after {} failed attempts", printable(username),
					after.lockedUntil(), MAX_FAILURES);
		}
	}

	void succeeded(String username) {
		this.failures.invalidate(StaffAccounts.key(username));
	}

	/** Wraps the real check: refuses locked names before it, counts its failures after it. */
	AuthenticationProvider guarding(AuthenticationProvider delegate) {
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) throws AuthenticationException {
				String username = authentication.getName();
				Optional<Instant> locked = lockedUntil(username);
				if (locked.isPresent()) {
					throw new TooManyLoginAttemptsException(locked.get());
				}
				try {
					Authentication result = delegate.authenticate(authentication);
					if (result != null) {
						succeeded(username);
					}
					return result;
				}
				catch (BadCredentialsException ex) {
					failed(username);
					throw ex;
				}
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return delegate.supports(authentication);
			}

		};
	}

	/** A user name as typed, safe to log on one line. */
	private static String printable(String username) {
		String cut = username.length() > 64 ? username.substring(0, 64) + "…" : username;
		return cut.replaceAll("\\p{Cntrl}", "?");
	}

	/** An attempt refused because its user name is locked. */
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
