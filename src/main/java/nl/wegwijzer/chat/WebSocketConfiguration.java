package nl.wegwijzer.chat;

import nl.wegwijzer.system.WebSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfiguration implements WebSocketConfigurer {

	private final ChatService chat;

	private final ConnectionLimiter connections;

	private final LimitSettings limits;

	private final WebSettings web;

	WebSocketConfiguration(ChatService chat, ConnectionLimiter connections, LimitSettings limits, WebSettings web) {
		this.chat = chat;
		this.connections = connections;
		this.limits = limits;
		this.web = web;
	}

	/**
	 * The chat endpoint. A browser page from a foreign origin is refused (403) before the upgrade; the
	 * app's own origin and the configured ones are allowed.
	 */
	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(new ChatHandler(this.chat, this.connections), "/ws/chat")
			.addInterceptors(this.connections)
			.setAllowedOriginPatterns(this.web.allowedOrigins().toArray(String[]::new));
	}

	/** Frames above the byte limit are not read: the container closes with 1009 (message too big). */
	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(this.limits.maxFrameBytes());
		container.setMaxBinaryMessageBufferSize(1024);
		container.setMaxSessionIdleTimeout(this.limits.idleTimeout().toMillis());
		return container;
	}

}
