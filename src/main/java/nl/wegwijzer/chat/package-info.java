/**
 * The visitor's chat: the WebSocket endpoint {@code /ws/chat} and its JSON protocol, the cookie-consent
 * gate, sessions that can be resumed, and durable storage of every conversation and turn. Replies come
 * from the dialog feature; {@code Reception} decides who answers a message (the bot, the queue for a
 * colleague, or an offer to answer by e-mail when nobody can come), {@code WaitingWatch} makes sure no
 * visitor waits for nobody, and {@code StaffActions} is what the helpdesk does to a conversation. Whether
 * a colleague can come is asked of a {@link nl.wegwijzer.chat.Staffing}, which the helpdesk provides.
 */
@ApplicationModule(allowedDependencies = { "consent", "dialog", "nlu", "system" })
package nl.wegwijzer.chat;

import org.springframework.modulith.ApplicationModule;
