package nl.wegwijzer.chat;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds an e-mail address in a chat message, alone or inside a sentence. */
final class EmailAddresses {

	/** Deliberately plain: a local part, an @ and a domain with a dot; what a visitor types. */
	private static final Pattern ADDRESS = Pattern
		.compile("(?<![\\w.+-])[\\w.+%-]{1,64}@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,24}(?![\\w-])",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

	private static final int MAX_LENGTH = 254;

	private EmailAddresses() {
	}

	static Optional<String> find(String text) {
		Matcher matcher = ADDRESS.matcher(text);
		while (matcher.find()) {
			String address = matcher.group();
			String local = address.substring(0, address.indexOf('@'));
			if (address.length() <= MAX_LENGTH && !local.startsWith(".") && !local.endsWith(".")
					&& !local.contains("..")) {
				int at = address.indexOf('@');
				return Optional.of(local + "@" + address.substring(at + 1).toLowerCase(Locale.ROOT));
			}
		}
		return Optional.empty();
	}

}
