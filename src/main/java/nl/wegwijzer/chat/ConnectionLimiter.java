package nl.wegwijzer.chat;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Refuses a WebSocket handshake (HTTP 429) when one client address already holds the maximum number of
 * open chat connections. A handshake takes its place as it starts, so connections opened at the same
 * moment cannot pass the limit together; a handshake that fails or is refused later (by the origin check)
 * gives its place back. The address is the one {@link ClientAddresses} finds.
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
		boolean[] admitted = { false };
		this.open.compute(address, (a, count) -> {
			int now = (count == null) ? 0 : count;
			if (now >= this.limits.connectionsPerIp()) {
				return count;
			}
			admitted[0] = true;
			return now + 1;
		});
		if (!admitted[0]) {
			response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
			return false;
		}
		attributes.put(CLIENT_ADDRESS, address);
		return true;
	}

	/** Called only after this interceptor admitted the handshake: a handshake that did not upgrade gives its place back. */
	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
		boolean upgraded = exception == null && response instanceof ServletServerHttpResponse servlet
				&& servlet.getServletResponse().getStatus() == HttpStatus.SWITCHING_PROTOCOLS.value();
		if (!upgraded) {
			release(clientAddress(request));
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
