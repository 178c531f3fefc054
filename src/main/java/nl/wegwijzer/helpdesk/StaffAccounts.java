package nl.wegwijzer.helpdesk;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The staff accounts from {@link StaffSettings}, held with bcrypt hashes only. User names are matched
 * without regard to case.
 */
class StaffAccounts implements UserDetailsService {

	/**
	 * What an account may do. An agent works the inbox, relabels and reads statistics; an admin may also
	 * retrain the model, export consents, erase and export conversations and read the staff audit.
	 */
	enum Role {

		AGENT, ADMIN;

		/** The Spring Security roles: an admin is an agent too. */
		String[] authorities() {
			return (this == ADMIN) ? new String[] { AGENT.name(), ADMIN.name() } : new String[] { AGENT.name() };
		}

		static Role of(String setting, String username) {
			if (setting == null || setting.isBlank()) {
				return AGENT;
			}
			try {
				return Role.valueOf(setting.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(
						"The role of staff user '" + username + "' must be agent or admin, not '" + setting + "'");
			}
		}

	}

	private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);

	private static final String BCRYPT_PREFIX = "{bcrypt}";

	private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

	/** One account: the hash is bcrypt, never the password. */
	record Account(String username, String passwordHash, String name, Role role) {
	}

	private final Map<String, Account> accounts = new LinkedHashMap<>();

	StaffAccounts(StaffSettings settings, PasswordEncoder bcrypt) {
		boolean mainConfigured = settings.password() != null && !settings.password().isBlank();
		// Listing users without a main password means the operator chose the accounts: no generated one.
		if (mainConfigured || settings.users().isEmpty()) {
			String password = mainConfigured ? settings.password() : generated(settings.username());
			add(settings.username(), password, settings.name(), Role.ADMIN, bcrypt);
		}
		for (StaffSettings.User user : settings.users()) {
			if (user.username() == null || user.username().isBlank() || user.password() == null
					|| user.password().isBlank()) {
				throw new IllegalStateException("Every entry of wegwijzer.staff.users needs a username and a password");
			}
			String name = (user.name() == null || user.name().isBlank()) ? user.username().strip() : user.name().strip();
			add(user.username().strip(), user.password(), name, Role.of(user.role(), user.username().strip()), bcrypt);
		}
		if (this.accounts.values().stream().noneMatch((account) -> account.role() == Role.ADMIN)) {
			log.warn("No staff account is an admin: nobody can retrain the model, export consents or read the "
					+ "staff audit (set wegwijzer.staff.users[n].role=admin)");
		}
	}

	private void add(String username, String password, String name, Role role, PasswordEncoder bcrypt) {
		String key = key(username);
		if (this.accounts.containsKey(key)) {
			throw new IllegalStateException("Staff user '" + username + "' is configured twice");
		}
		this.accounts.put(key, new Account(username, hash(username, password, bcrypt), name, role));
	}

	private static String hash(String username, String password, PasswordEncoder bcrypt) {
		if (password.startsWith(BCRYPT_PREFIX)) {
			String hash = password.substring(BCRYPT_PREFIX.length());
			if (!BCRYPT.matcher(hash).matches()) {
				throw new IllegalStateException("The {bcrypt} password of staff user '" + username + "' is not a bcrypt hash");
			}
			return hash;
		}
		return bcrypt.encode(password);
	}

	/** 24 letters and digits, easily confused ones left out (140 bits): nothing a shell or a double-click splits. */
	private static String generated(String username) {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 24; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		log.warn("Generated staff password for user '{}': {} (set wegwijzer.staff.password or "
				+ "WEGWIJZER_STAFF_PASSWORD to choose one)", username, password);
		return password.toString();
	}

	/** A fresh copy every time: Spring Security erases the credentials of what it authenticated. */
	@Override
	public UserDetails loadUserByUsername(String username) {
		Account account = find(username).orElseThrow(() -> new UsernameNotFoundException("No staff user " + username));
		return User.withUsername(account.username()).password(account.passwordHash())
			.roles(account.role().authorities())
			.build();
	}

	Optional<Account> find(String username) {
		return Optional.ofNullable(username).map((u) -> this.accounts.get(key(u)));
	}

	/** The display name of a signed-in user, for {@code agent} frames. */
	String displayName(String username) {
		return find(username).map(Account::name).orElse(username);
	}

	List<Account> all() {
		return List.copyOf(this.accounts.values());
	}

	static String key(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}

}
