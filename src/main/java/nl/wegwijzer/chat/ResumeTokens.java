package nl.wegwijzer.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The tokens with which a visitor continues a conversation after a reload. Only a hash of a token is
 * stored, so a database leak cannot take conversations over, and every resume replaces the token: one
 * read once from a browser's storage cannot take the conversation over later.
 */
@Component
class ResumeTokens {

	private final SecureRandom random = new SecureRandom();

	private final ConversationRepository conversations;

	private final LiveConversations live;

	private final ChatSettings settings;

	ResumeTokens(ConversationRepository conversations, LiveConversations live, ChatSettings settings) {
		this.conversations = conversations;
		this.live = live;
		this.settings = settings;
	}

	/** A new, random token. */
	String issue() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The conversation of {@code token}, if it can still be resumed (within the resume window), with
	 * {@code fresh} as its token from now on. Of two resumes with one token, only the first gets it.
	 */
	Optional<Conversation> redeem(String token, String fresh) {
		return this.conversations.findByResumeTokenHash(hash(token))
			.filter((c) -> c.lastActiveAt().plus(this.settings.resumeWindow()).isAfter(this.live.now()))
			.filter((c) -> this.conversations.replaceResumeToken(c.id(), hash(token), hash(fresh)));
	}

	/** No token resumes the conversation any more. */
	void revoke(String conversationId) {
		this.conversations.dropResumeToken(conversationId, hash(issue()));
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
