package nl.wegwijzer.system;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sites that may open the chat are the sites that may frame it, in CSP syntax. */
class WebSettingsTests {

	@Test
	void shouldTurnOriginPatternsIntoFrameAncestors() {
		WebSettings settings = new WebSettings(List.of("https://www.example.nl", "https://*.example.nl",
				"http://localhost:[*]", "http://intranet:[8080, 8443]"));
		assertThat(settings.frameAncestors()).containsExactly("'self'", "https://www.example.nl",
				"https://*.example.nl", "http://localhost:*", "http://intranet:8080", "http://intranet:8443");
	}

	@Test
	void shouldLetOnlyTheAppItselfFrameTheChatWithoutAllowedOrigins() {
		assertThat(new WebSettings(null).frameAncestors()).containsExactly("'self'");
	}

}
