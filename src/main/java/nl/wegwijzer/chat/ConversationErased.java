package nl.wegwijzer.chat;

/**
 * Published after a conversation was erased, by its visitor ({@code byVisitor}) or by staff: the live views
 * drop it, and a visitor still connected is told and disconnected. {@code elsewhere}: it was erased on
 * another instance, which keeps the record of it.
 */
public record ConversationErased(String conversationId, String sessionId, boolean byVisitor, boolean elsewhere) {

	public ConversationErased(String conversationId, String sessionId, boolean byVisitor) {
		this(conversationId, sessionId, byVisitor, false);
	}

}
