package nl.wegwijzer.helpdesk;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The lockout rule on a clock the test moves. */
class LoginAttemptsTests {

	private final MovableClock clock = new MovableClock();

	private final LoginAttempts attempts = new LoginAttempts(this.clock);

	@Test
	void shouldLockAfterFiveFailuresWithinFifteenMinutes() {
		for (int i = 0; i < 4; i++) {
			this.attempts.failed("anna");
			this.clock.move(Duration.ofMinutes(3));
		}
		assertThat(this.attempts.lockedUntil("anna")).isEmpty();
		this.attempts.failed("Anna");
		assertThat(this.attempts.lockedUntil("ANNA")).contains(this.clock.instant().plus(LoginAttempts.LOCK));
		assertThat(this.attempts.lockedUntil("bert")).isEmpty();
	}

	@Test
	void shouldForgetFailuresOlderThanTheWindow() {
		for (int i = 0; i < 10; i++) {
			this.attempts.failed("anna");
			this.clock.move(Duration.ofMinutes(4));
		}
		assertThat(this.attempts.lockedUntil("anna")).isEmpty();
	}

	@Test
	void shouldUnlockAfterFifteenMinutes() {
		for (int i = 0; i < 5; i++) {
			this.attempts.failed("anna");
		}
		this.clock.move(Duration.ofMinutes(14));
		assertThat(this.attempts.lockedUntil("anna")).isPresent();
		this.clock.move(Duration.ofMinutes(1));
		assertThat(this.attempts.lockedUntil("anna")).isEmpty();
	}

	@Test
	void shouldRefuseLockedNamesBeforeCheckingAndCountOnlyFailures() {
		AuthenticationProvider check = this.attempts.guarding(new AuthenticationProvider() {
			@Override
			public Authentication authenticate(Authentication authentication) {
				if (!"goed".equals(authentication.getCredentials())) {
					throw new BadCredentialsException("fout");
				}
				return new TestingAuthenticationToken(authentication.getName(), null, "ROLE_STAFF");
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return true;
			}
		});
		for (int i = 0; i < 4; i++) {
			assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> check.authenticate(login("fout")));
		}
		assertThat(check.authenticate(login("goed"))).isNotNull();
		for (int i = 0; i < 4; i++) {
			assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> check.authenticate(login("fout")));
		}
		assertThat(this.attempts.lockedUntil("anna")).as("a success starts the count again").isEmpty();
		assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> check.authenticate(login("fout")));
		assertThatExceptionOfType(LoginAttempts.TooManyLoginAttemptsException.class)
			.isThrownBy(() -> check.authenticate(login("goed")));
	}

	private static Authentication login(String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated("anna", password);
	}

}
