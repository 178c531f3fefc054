package nl.wegwijzer.chat;

/** Published when a visitor types in a conversation, for the staff member who follows it. */
public record VisitorTyping(String conversationId) {
}
