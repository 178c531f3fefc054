package nl.wegwijzer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.core.io.ClassPathResource;

/**
 * axe-core (from its Maven Central webjar) run in the page the browser shows, or the frame it switched to.
 * The page's own Content-Security-Policy stays as it is: the test injects axe through the DevTools
 * protocol with CSP bypassed for its own script, so what the visitor gets is what is checked.
 */
public final class Axe {

	private static final String SOURCE = read("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js");

	private Axe() {
	}

	/**
	 * Lets the test's own scripts past the CSP of the pages loaded from now on; call before loading them.
	 */
	public static void allowInjection(ChromeDriver browser) {
		browser.executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
	}

	/**
	 * Runs axe's WCAG 2.0/2.1 A and AA rules and its best practices on the current document (frames are
	 * checked where the test switches to them) and returns each violation as "rule: nodes".
	 */
	@SuppressWarnings("unchecked")
	public static List<String> violations(ChromeDriver browser) {
		browser.executeScript(SOURCE);
		Object result = browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, {
				  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
				  iframes: false,
				}).then((r) => done(r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '))),
				  (e) => done(['axe failed: ' + e]));
				""");
		return (List<String>) result;
	}

	private static String read(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
