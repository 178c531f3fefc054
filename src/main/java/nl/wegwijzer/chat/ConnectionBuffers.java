package nl.wegwijzer.chat;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Smaller I/O buffers for every connection. An open chat session, idle or not, keeps Tomcat's socket
 * read and write buffers and the WebSocket frame input, output and encoder buffers, all of 8 KiB by
 * default: 40 KiB of heap per visitor. Chat frames are a few hundred bytes, and a larger frame is simply
 * read or written in more steps, so 2 KiB each is enough (docs/benchmarks.md, heap per idle session).
 */
@Component
class ConnectionBuffers implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	private static final int BYTES = 2048;

	/** Read once per JVM, when Tomcat's WebSocket classes load; a value given with -D wins. */
	private static final String WEBSOCKET_BUFFER_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		System.getProperties().putIfAbsent(WEBSOCKET_BUFFER_PROPERTY, String.valueOf(BYTES));
		factory.addConnectorCustomizers((connector) -> {
			for (String property : new String[] { "socket.appReadBufSize", "socket.appWriteBufSize" }) {
				if (!connector.setProperty(property, String.valueOf(BYTES))) {
					throw new IllegalStateException("Tomcat connector has no property " + property);
				}
			}
		});
	}

}
