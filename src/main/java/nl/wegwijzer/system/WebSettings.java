package nl.wegwijzer.system;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Wegwijzer may be used from, under {@code wegwijzer}.
 *
 * @param allowedOrigins origin patterns (such as {@code https://www.example.nl} or
 * {@code http://localhost:[*]}) whose pages may open the chat WebSocket and embed the chat widget; the app's
 * own origin always may
 */
@ConfigurationProperties("wegwijzer")
public record WebSettings(List<String> allowedOrigins) {

	/** A port pattern of Spring's origin patterns: {@code [*]} or a list such as {@code [8080,8443]}. */
	private static final Pattern PORTS = Pattern.compile(":\\[([^\\]]*)\\]$");

	public WebSettings {
		allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
	}

	/**
	 * The CSP {@code frame-ancestors} sources: the app itself and every allowed origin, so the widget's
	 * frame opens exactly where its WebSocket may connect. A port list becomes one source per port.
	 */
	public List<String> frameAncestors() {
		List<String> sources = new ArrayList<>(List.of("'self'"));
		for (String origin : this.allowedOrigins) {
			Matcher ports = PORTS.matcher(origin);
			if (!ports.find()) {
				sources.add(origin);
				continue;
			}
			String base = origin.substring(0, ports.start());
			for (String port : ports.group(1).split(",")) {
				sources.add(base + ":" + port.strip());
			}
		}
		return List.copyOf(sources);
	}

}
