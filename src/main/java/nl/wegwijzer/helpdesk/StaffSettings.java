package nl.wegwijzer.helpdesk;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff accounts, under {@code wegwijzer.staff}. Passwords are given plain or as {@code {bcrypt}$2a$…};
 * either way only a bcrypt hash is kept in memory.
 *
 * @param username the main account's user name
 * @param password its password; when none is set and no {@code users} are listed, one is generated at
 * start-up and logged once
 * @param name its display name, shown to visitors in {@code agent} frames
 * @param users further accounts
 * <p>
 * The main account is an {@code admin}; further accounts are an {@code agent} unless their {@code role}
 * says {@code admin}.
 */
@ConfigurationProperties("wegwijzer.staff")
public record StaffSettings(String username, String password, String name, List<User> users) {

	public StaffSettings {
		username = (username == null || username.isBlank()) ? "staff" : username.strip();
		name = (name == null || name.isBlank()) ? "Helpdesk" : name.strip();
		users = (users == null) ? List.of() : List.copyOf(users);
	}

	/**
	 * One further staff account; {@code name} defaults to the user name, {@code role} ({@code agent} or
	 * {@code admin}) to {@code agent}.
	 */
	public record User(String username, String password, String name, String role) {
	}

}
