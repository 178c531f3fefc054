package nl.wegwijzer.chat;

import nl.wegwijzer.system.ContentFiles;

/**
 * What the chat says about the conversation itself, from {@code content/chat.yml}: errors, {@code ended}
 * when the visitor ends the conversation and {@code erased} once it is erased.
 */
record ChatTexts(Errors errors, String ended, String erased) {

	static final ChatTexts SAY = load();

	record Errors(String notJson, String notAnObject, String noType, String unknownType, String noText, String empty,
			String tooLong, String unreadable, String categoriesNotAList, String unknownCategory, String noPolicyVersion, String outdatedPolicy, String noResumeToken,
			String consentRequired, String rateLimited, String tooManyConversations, String serverError, String alreadyInSession,
			String resumeFailed, String otherWindow, String noTurn, String badRating, String unknownTurn,
			String nothingToErase) {
	}

	private static ChatTexts load() {
		return ContentFiles.read("chat.yml", ChatTexts.class);
	}

}
