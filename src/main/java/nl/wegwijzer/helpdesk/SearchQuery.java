package nl.wegwijzer.helpdesk;

import static nl.wegwijzer.helpdesk.HelpdeskTexts.SAY;

/** The one rule for the words staff search with, in the inbox and in the canned replies. */
final class SearchQuery {

	static final int MAX_CHARS = 200;

	private SearchQuery() {
	}

	/**
	 * The query without surrounding spaces, empty when there is none.
	 * @throws StaffApiException when it is longer than {@link #MAX_CHARS}
	 */
	static String checked(String query) {
		String stripped = (query == null) ? "" : query.strip();
		if (stripped.length() > MAX_CHARS) {
			throw StaffApiException
				.badRequest(SAY.errors().queryTooLong().replace("{max}", Integer.toString(MAX_CHARS)));
		}
		return stripped;
	}

}
