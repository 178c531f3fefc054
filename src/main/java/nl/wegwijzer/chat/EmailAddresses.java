package nl.wegwijzer.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds e-mail addresses in a chat message, alone or inside a sentence. */
public final class EmailAddresses {

	/** Deliberately plain: a local part, an @ and a domain with a dot; what a visitor types. */
	private static final Pattern ADDRESS = Pattern
		.compile("(?<![\\w.+-])[\\w.+%-]{1,64}@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,24}(?![\\w-])",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

	private static final int MAX_LENGTH = 254;

	private EmailAddresses() {
	}

	static Optional<String> find(String text) {
		return findAll(text).stream().findFirst();
	}

	/** Every address in a text, in order, the domain in lower case. */
	public static List<String> findAll(String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = ADDRESS.matcher(text);
		while (matcher.find()) {
			String address = matcher.group();
			int at = address.indexOf('@');
			String local = address.substring(0, at);
			if (address.length() <= MAX_LENGTH && !local.startsWith(".") && !local.endsWith(".")
					&& !local.contains("..")) {
				found.add(local + "@" + address.substring(at + 1).toLowerCase(Locale.ROOT));
			}
		}
		return found;
	}

}
