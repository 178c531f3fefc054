package nl.wegwijzer.chat;

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

	private final LimitSettings limits;

	WebSocketConfiguration(ChatService chat, LimitSettings limits) {
		this.chat = chat;
		this.limits = limits;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(new ChatHandler(this.chat), "/ws/chat");
	}

	/** Frames above the byte limit are not read: the container closes with 1009 (message too big). */
	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(this.limits.maxFrameBytes());
		container.setMaxBinaryMessageBufferSize(1024);
		return container;
	}

}
