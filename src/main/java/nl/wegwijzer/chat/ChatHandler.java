package nl.wegwijzer.chat;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** The WebSocket endpoint: hands every event to {@link ChatService} and nothing more. */
class ChatHandler extends TextWebSocketHandler {

	private final ChatService chat;

	private final ConnectionLimiter connections;

	ChatHandler(ChatService chat, ConnectionLimiter connections) {
		this.chat = chat;
		this.connections = connections;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		this.chat.open(session);
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		this.chat.receive(session, message.getPayload());
	}

	@Override
	protected void handlePongMessage(WebSocketSession session, PongMessage message) {
		this.chat.alive(session);
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) throws Exception {
		session.close(CloseStatus.SERVER_ERROR);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		this.connections.closed(session);
		this.chat.closed(session);
	}

}
