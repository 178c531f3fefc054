package nl.wegwijzer.chat;

import java.io.IOException;

import nl.wegwijzer.system.WebSettings;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * A bare echo endpoint at {@code /ws/echo} for load runs only: the same Tomcat, WebSocket container and
 * frame limits as {@code /ws/chat}, without consent, dialog or storage. Its latency is the floor the chat
 * is measured against (see docs/benchmarks.md).
 */
@Configuration(proxyBeanMethods = false)
@Profile("benchmark")
class EchoConfiguration implements WebSocketConfigurer {

	private final WebSettings web;

	EchoConfiguration(WebSettings web) {
		this.web = web;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		// The chat's origin check too: it costs next to nothing and keeps the endpoint no more open than the chat.
		registry.addHandler(new EchoHandler(), "/ws/echo")
			.setAllowedOriginPatterns(this.web.allowedOrigins().toArray(String[]::new));
	}

	/** Sends every text frame straight back. One session's frames arrive one at a time, so no send lock is needed. */
	private static final class EchoHandler extends TextWebSocketHandler {

		@Override
		protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
			session.sendMessage(new TextMessage(message.getPayload()));
		}

		@Override
		public void handleTransportError(WebSocketSession session, Throwable exception) throws IOException {
			session.close(CloseStatus.SERVER_ERROR);
		}

	}

}
