package nl.wegwijzer.chat;

/**
 * Published after a conversation was erased, by its visitor ({@code byVisitor}) or by staff: the live views
 * drop it, and a visitor still connected is told and disconnected.
 */
public record ConversationErased(String conversationId, String sessionId, boolean byVisitor) {
}
