package nl.wegwijzer.system;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Wegwijzer may be used from, under {@code wegwijzer}.
 *
 * @param allowedOrigins origin patterns (such as {@code https://www.example.nl} or
 * {@code http://localhost:[*]}) whose pages may open the chat WebSocket; the app's own origin always may
 * @param frameAncestors sources allowed to embed Wegwijzer's pages in a frame (the CSP
 * {@code frame-ancestors} directive), for a widget on allowed sites
 */
@ConfigurationProperties("wegwijzer")
public record WebSettings(List<String> allowedOrigins, List<String> frameAncestors) {

	public WebSettings {
		allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
		frameAncestors = frameAncestors == null ? List.of() : List.copyOf(frameAncestors);
	}

}
