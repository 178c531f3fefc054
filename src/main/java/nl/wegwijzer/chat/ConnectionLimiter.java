package nl.wegwijzer.chat;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Refuses a WebSocket handshake (HTTP 429) when one client address already holds the maximum number of
 * open chat connections. Handshakes in flight at the same moment can exceed it by a few: it is a guard
 * against one client hoarding connections, not an exact quota. The address is the one
 * {@link ClientAddresses} finds.
 */
@Component
class ConnectionLimiter implements HandshakeInterceptor {

	static final String CLIENT_ADDRESS = "wegwijzer.clientAddress";

	private final LimitSettings limits;

	private final ClientAddresses addresses;

	private final Map<String, Integer> open = new ConcurrentHashMap<>();

	ConnectionLimiter(LimitSettings limits, ClientAddresses addresses) {
		this.limits = limits;
		this.addresses = addresses;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		String address = clientAddress(request);
		if (this.open.getOrDefault(address, 0) >= this.limits.connectionsPerIp()) {
			response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
			return false;
		}
		attributes.put(CLIENT_ADDRESS, address);
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
	}

	/**
	 * Counts a connection once it is open: a handshake that a later check (such as the origin) refuses
	 * never counts.
	 */
	void opened(WebSocketSession session) {
		Object address = session.getAttributes().get(CLIENT_ADDRESS);
		if (address != null) {
			this.open.merge((String) address, 1, Integer::sum);
		}
	}

	/** Counts a connection as closed. */
	void closed(WebSocketSession session) {
		Object address = session.getAttributes().get(CLIENT_ADDRESS);
		if (address != null) {
			release((String) address);
		}
	}

	private void release(String address) {
		this.open.computeIfPresent(address, (a, count) -> count > 1 ? count - 1 : null);
	}

	private String clientAddress(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		return this.addresses.of(remote == null ? null : remote.getAddress().getHostAddress(),
				request.getHeaders().getFirst("X-Forwarded-For"));
	}

}
