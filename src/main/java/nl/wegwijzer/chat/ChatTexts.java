package nl.wegwijzer.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;

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
		try (InputStream in = new ClassPathResource("content/chat.yml").getInputStream()) {
			return YAMLMapper.builder().build().readValue(in, ChatTexts.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read content/chat.yml", ex);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Cannot read content/chat.yml", ex);
		}
	}

}
