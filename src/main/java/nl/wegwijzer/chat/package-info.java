/**
 * The visitor's chat: the WebSocket endpoint {@code /ws/chat} and its JSON protocol, the cookie-consent
 * gate, sessions that can be resumed, and durable storage of every conversation and turn. Replies come
 * from the dialog feature.
 */
package nl.wegwijzer.chat;
