package nl.wegwijzer.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Refuses a request whose {@code Origin} header is not an origin at all ({@code http://127.0.0.1:1.evil})
 * with 403 and one log line. Left to them, the WebSocket origin check and CORS would fail on it with a 500
 * and a stack trace. {@code null}, which sandboxed pages send, is an origin: the checks after this refuse it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OriginFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(OriginFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin != null && !"null".equals(origin) && !wellFormed(origin)) {
			log.warn("Refused {} {} from {}: malformed Origin header", request.getMethod(), request.getRequestURI(),
					request.getRemoteAddr());
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		chain.doFilter(request, response);
	}

	/** A scheme, a host and at most a port: what Spring's own checks can read without failing. */
	private static boolean wellFormed(String origin) {
		try {
			UriComponents parsed = UriComponentsBuilder.fromUriString(origin).build();
			return parsed.getScheme() != null && parsed.getHost() != null && !parsed.getHost().isEmpty()
					&& (parsed.getPath() == null || parsed.getPath().isEmpty()) && parsed.getQuery() == null
					&& parsed.getFragment() == null && parsed.getUserInfo() == null && parsed.getPort() <= 65535;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
