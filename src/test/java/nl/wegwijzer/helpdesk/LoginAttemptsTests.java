package nl.wegwijzer.helpdesk;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The rule for failed logins on a clock the test moves, counted in a database of the test's own. */
class LoginAttemptsTests {

	private static final String HOME = "192.0.2.10";

	private static final String ELSEWHERE = "203.0.113.7";

	private final MovableClock clock = new MovableClock();

	private final JdbcClient jdbc = JdbcClient.create(migrated());

	private final LoginAttempts attempts = new LoginAttempts(this.jdbc, this.clock);

	/** A fresh in-memory database with Wegwijzer's schema. */
	static DataSource migrated() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
		return h2;
	}

	@Test
	void shouldHoldUpANameFromOneAddressAfterFiveFailuresAndNotFromAnother() {
		for (int i = 0; i < 4; i++) {
			this.attempts.failed("anna", ELSEWHERE);
		}
		assertThat(this.attempts.lockedUntil("anna", ELSEWHERE)).isEmpty();
		this.attempts.failed("Anna", ELSEWHERE);
		assertThat(this.attempts.lockedUntil("ANNA", ELSEWHERE)).contains(this.clock.instant().plus(Duration.ofMinutes(1)));
		assertThat(this.attempts.lockedUntil("anna", HOME)).as("a colleague's own address").isEmpty();
		assertThat(this.attempts.lockedUntil("bert", ELSEWHERE)).isEmpty();
	}

	@Test
	void shouldDoubleTheDelayWithEveryFurtherFailureUpToAnHour() {
		for (int i = 0; i < 5; i++) {
			this.attempts.failed("anna", ELSEWHERE);
		}
		for (int minutes : new int[] { 2, 4, 8, 16, 32, 60, 60 }) {
			this.clock.move(Duration.ofHours(1));
			this.attempts.failed("anna", ELSEWHERE);
			assertThat(this.attempts.lockedUntil("anna", ELSEWHERE))
				.contains(this.clock.instant().plus(Duration.ofMinutes(minutes)));
		}
	}

	@Test
	void shouldReleaseWhenTheDelayIsOver() {
		for (int i = 0; i < 6; i++) {
			this.attempts.failed("anna", ELSEWHERE);
		}
		this.clock.move(Duration.ofSeconds(119));
		assertThat(this.attempts.lockedUntil("anna", ELSEWHERE)).isPresent();
		this.clock.move(Duration.ofSeconds(1));
		assertThat(this.attempts.lockedUntil("anna", ELSEWHERE)).isEmpty();
	}

	@Test
	void shouldRefuseHeldUpPairsBeforeCheckingAndCountOnlyFailures() {
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
			assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> check.authenticate(login("fout", ELSEWHERE)));
		}
		assertThat(check.authenticate(login("goed", ELSEWHERE))).isNotNull();
		for (int i = 0; i < 4; i++) {
			assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> check.authenticate(login("fout", ELSEWHERE)));
		}
		assertThat(this.attempts.lockedUntil("anna", ELSEWHERE)).as("a success starts the count again").isEmpty();
		assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> check.authenticate(login("fout", ELSEWHERE)));
		assertThatExceptionOfType(LoginAttempts.TooManyLoginAttemptsException.class)
			.isThrownBy(() -> check.authenticate(login("goed", ELSEWHERE)));
		assertThat(check.authenticate(login("goed", HOME))).as("the same name from another address").isNotNull();
	}

	@Test
	void shouldCountFailuresAtAnotherInstanceOnTheSameDatabase() {
		LoginAttempts other = new LoginAttempts(this.jdbc, this.clock);
		for (int i = 0; i < 3; i++) {
			this.attempts.failed("anna", ELSEWHERE);
		}
		other.failed("anna", ELSEWHERE);
		other.failed("anna", ELSEWHERE);
		assertThat(this.attempts.lockedUntil("anna", ELSEWHERE)).contains(this.clock.instant().plus(Duration.ofMinutes(1)));
		this.attempts.succeeded("anna", ELSEWHERE);
		assertThat(other.lockedUntil("anna", ELSEWHERE)).isEmpty();
	}

	@Test
	void shouldForgetFailuresADayAfterTheLastOne() {
		for (int i = 0; i < 4; i++) {
			this.attempts.failed("anna", ELSEWHERE);
		}
		this.clock.move(LoginAttempts.MEMORY);
		this.attempts.failed("anna", ELSEWHERE);
		assertThat(this.attempts.lockedUntil("anna", ELSEWHERE)).as("counted from one again").isEmpty();
		assertThat(this.jdbc.sql("select failures from login_failure").query(Integer.class).list()).containsExactly(1);
	}

	@Test
	void shouldKeepAnyNameTypedAsAHashOfFixedLength() {
		String name = "x".repeat(10_000) + "\u0000'; drop table login_failure; --";
		for (int i = 0; i < 5; i++) {
			this.attempts.failed(name, ELSEWHERE);
		}
		assertThat(this.attempts.lockedUntil(name, ELSEWHERE)).isPresent();
		assertThat(this.jdbc.sql("select pair_hash from login_failure").query(String.class).single()).hasSize(64)
			.doesNotContain(ELSEWHERE);
	}

	private static Authentication login(String password, String address) {
		UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken.unauthenticated("anna", password);
		login.setDetails(new LoginAttempts.LoginDetails(address));
		return login;
	}

}
