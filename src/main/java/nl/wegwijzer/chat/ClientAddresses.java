package nl.wegwijzer.chat;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * The address a request comes from, for the limits per client address: the peer's, or, when the peer is
 * one of {@code wegwijzer.limits.trusted-proxies}, the nearest address in {@code X-Forwarded-For} that is
 * not a trusted proxy. Read from the right: a proxy appends what it saw, and everything to the left of that
 * the client may have made up.
 */
@Component
public class ClientAddresses {

	private final List<String> trustedProxies;

	public ClientAddresses(LimitSettings limits) {
		this.trustedProxies = limits.trustedProxies();
	}

	public String of(HttpServletRequest request) {
		return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
	}

	String of(String peer, String forwardedFor) {
		if (peer == null) {
			return "unknown";
		}
		if (forwardedFor == null || !this.trustedProxies.contains(peer)) {
			return peer;
		}
		String address = peer;
		String[] hops = forwardedFor.split(",");
		for (int i = hops.length - 1; i >= 0 && this.trustedProxies.contains(address); i--) {
			String hop = hops[i].strip();
			if (hop.isEmpty()) {
				break;
			}
			address = hop;
		}
		return address;
	}

}
