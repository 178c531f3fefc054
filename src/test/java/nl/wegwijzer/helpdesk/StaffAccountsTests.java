package nl.wegwijzer.helpdesk;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Staff accounts from the settings: only bcrypt hashes kept, a generated password when none is set. */
@ExtendWith(OutputCaptureExtension.class)
class StaffAccountsTests {

	private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

	@Test
	void shouldKeepOnlyABcryptHashOfAPlainPassword() {
		StaffAccounts accounts = new StaffAccounts(new StaffSettings("staff", "geheim", "Anna", null), this.bcrypt);
		String hash = accounts.loadUserByUsername("staff").getPassword();
		assertThat(hash).startsWith("$2a$").doesNotContain("geheim");
		assertThat(this.bcrypt.matches("geheim", hash)).isTrue();
		assertThat(accounts.loadUserByUsername("staff").getAuthorities()).extracting(Object::toString)
			.containsExactlyInAnyOrder("ROLE_AGENT", "ROLE_ADMIN");
		assertThat(accounts.displayName("STAFF")).isEqualTo("Anna");
	}

	@Test
	void shouldTakeABcryptHashAsItIs() {
		String hash = this.bcrypt.encode("geheim");
		StaffAccounts accounts = new StaffAccounts(new StaffSettings("staff", "{bcrypt}" + hash, null, null), this.bcrypt);
		assertThat(accounts.loadUserByUsername("staff").getPassword()).isEqualTo(hash);
		assertThat(accounts.displayName("staff")).isEqualTo("Helpdesk");
	}

	@Test
	void shouldRefuseSomethingThatIsNoBcryptHash() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new StaffAccounts(new StaffSettings("staff", "{bcrypt}geheim", null, null), this.bcrypt))
			.withMessageContaining("not a bcrypt hash");
	}

	@Test
	void shouldGenerateAndLogAPasswordOnceWhenNoneIsSet(CapturedOutput output) {
		StaffAccounts accounts = new StaffAccounts(new StaffSettings(null, " ", null, null), this.bcrypt);
		String line = output.getOut()
			.lines()
			.filter((l) -> l.contains("Generated staff password for user 'staff': "))
			.reduce((a, b) -> {
				throw new AssertionError("logged more than once");
			})
			.orElseThrow();
		assertThat(line).contains("WARN");
		String password = line.substring(line.indexOf("': ") + 3).split(" ")[0];
		assertThat(password).hasSizeGreaterThanOrEqualTo(20);
		assertThat(this.bcrypt.matches(password, accounts.loadUserByUsername("staff").getPassword())).isTrue();
	}

	@Test
	void shouldAddListedUsersAndGenerateNothingWhenOnlyThoseAreSet(CapturedOutput output) {
		StaffAccounts accounts = new StaffAccounts(new StaffSettings(null, null, null,
				List.of(new StaffSettings.User("bert", "b", "Bert", null), new StaffSettings.User("cor", "c", null, null))), this.bcrypt);
		assertThat(accounts.all()).extracting(StaffAccounts.Account::username).containsExactly("bert", "cor");
		assertThat(accounts.displayName("cor")).isEqualTo("cor");
		assertThatThrownBy(() -> accounts.loadUserByUsername("staff")).isInstanceOf(UsernameNotFoundException.class);
		assertThat(output.getOut()).doesNotContain("Generated staff password");
	}

	@Test
	void shouldRefuseTheSameUserTwiceOrAUserWithoutPassword() {
		assertThatIllegalStateException().isThrownBy(() -> new StaffAccounts(
				new StaffSettings("staff", "a", null, List.of(new StaffSettings.User("Staff", "b", null, null))), this.bcrypt));
		assertThatIllegalStateException().isThrownBy(() -> new StaffAccounts(
				new StaffSettings("staff", "a", null, List.of(new StaffSettings.User("bert", null, null, null))), this.bcrypt));
	}

	@Test
	void shouldMakeTheMainAccountAnAdminAndOthersAgentsUnlessSaidOtherwise() {
		StaffAccounts accounts = new StaffAccounts(new StaffSettings("staff", "a", null,
				List.of(new StaffSettings.User("bert", "b", null, null), new StaffSettings.User("cor", "c", null, "Admin"))),
				this.bcrypt);
		assertThat(accounts.loadUserByUsername("staff").getAuthorities()).extracting(Object::toString)
			.containsExactlyInAnyOrder("ROLE_AGENT", "ROLE_ADMIN");
		assertThat(accounts.loadUserByUsername("bert").getAuthorities()).extracting(Object::toString)
			.containsExactly("ROLE_AGENT");
		assertThat(accounts.loadUserByUsername("cor").getAuthorities()).extracting(Object::toString)
			.containsExactlyInAnyOrder("ROLE_AGENT", "ROLE_ADMIN");
		assertThatIllegalStateException().isThrownBy(() -> new StaffAccounts(new StaffSettings("staff", "a", null,
				List.of(new StaffSettings.User("bert", "b", null, "baas"))), this.bcrypt));
	}

}
