package nl.wegwijzer.chat;

/** Published after every stored change of a conversation, for live views such as the staff inbox. */
public record ConversationChanged(String conversationId) {
}
