package nl.wegwijzer.chat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import nl.wegwijzer.Axe;
import nl.wegwijzer.HeadlessChromium;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget on a website of another origin, in a real browser against the real server: a plain host site
 * (two pages, served from 127.0.0.1 on a port of its own, with the strict Content-Security-Policy that
 * docs/widget.md asks of a host) adds the chat with one script tag. Runs on Debian's Chromium and skips where
 * it is not installed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1",
			// Selenium warns that it has no CDP classes for this Chromium; the tests do not use CDP events.
			"logging.level.org.openqa.selenium.devtools=error", "logging.level.org.openqa.selenium.chromium=error" })
class WidgetBrowserTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String QUESTION = "Uit welke landen mogen organisaties meedoen?";

	@LocalServerPort
	private int port;

	@RegisterExtension
	static final HeadlessChromium chromium = new HeadlessChromium();

	private HttpServer site;

	private ChromeDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void start() throws IOException {
		this.site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.site.createContext("/", this::serveHostSite);
		this.site.start();
		chromium.fresh("http://localhost:" + this.port, "http://127.0.0.1:" + this.site.getAddress().getPort());
		this.browser = chromium.driver();
		this.wait = new WebDriverWait(this.browser, TIMEOUT);
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	@AfterEach
	void stop() {
		this.site.stop(0);
	}

	@Test
	void shouldChatThroughTheWidgetAndKeepTheConversationOnTheNextPage() {
		this.browser.get(hostPage("plain.html"));
		List<String> plainGlobals = globals();
		this.browser.get(hostPage("one.html"));
		WebElement launcher = launcher();
		assertThat(launcher.getAttribute("aria-label")).contains("Chat met Erasmus+ hulp");
		assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(globals()).as("one global").containsExactlyInAnyOrderElementsOf(add(plainGlobals, "Wegwijzer"));
		assertThat(this.browser.findElement(By.tagName("h1")).getCssValue("color"))
			.as("the host's own styles still apply").isEqualTo("rgba(128, 0, 0, 1)");
		assertThat(launcher.getCssValue("border-top-style")).as("no host style leaks in").isEqualTo("solid");
		assertThat(this.browser.findElement(By.tagName("wegwijzer-chat")).getCssValue("border-top-width")).isEqualTo("0px");

		launcher.click();
		inFrame();
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("accept-all")));
		assertThat(this.browser.switchTo().activeElement().getAttribute("id")).as("focus moved into the panel")
			.isEqualTo("consent-title");
		this.browser.findElement(By.id("accept-all")).click();
		waitForBotBubbles(1);
		assertThat(this.browser.findElement(By.cssSelector(".bubble.bot .bubble__name")).getText()).isEqualTo("Wegwijzer");
		assertThat(this.browser.findElement(By.cssSelector(".bubble.bot time")).getAttribute("datetime")).isNotBlank();
		ask(QUESTION);
		waitForBotBubbles(2);
		List<WebElement> answers = this.browser.findElements(By.cssSelector("#messages .bubble.bot"));
		WebElement link = answers.get(answers.size() - 1).findElement(By.cssSelector(".bubble__text a"));
		assertThat(link.getAttribute("href")).startsWith("https://");
		assertThat(link.getAttribute("target")).isEqualTo("_blank");
		assertThat(link.getAttribute("rel")).isEqualTo("noopener noreferrer");
		assertThat(link.getText()).startsWith("programmagids Erasmus+").contains("nieuw tabblad");

		this.browser.switchTo().defaultContent();
		assertThat(this.browser.findElement(By.tagName("body")).getAttribute("data-consent"))
			.as("the site heard the choice").isEqualTo("necessary analytics");
		assertThat(this.browser.executeScript("return Wegwijzer.consent().categories;"))
			.isEqualTo(List.of("necessary", "analytics"));

		this.browser.findElement(By.linkText("Naar pagina twee")).click();
		this.wait.until(ExpectedConditions.titleContains("pagina 2"));
		assertThat(launcher().getAttribute("aria-expanded")).as("still open").isEqualTo("true");
		inFrame();
		this.wait.until((browser) -> texts(".bubble.visitor .bubble__text").contains(QUESTION));
		waitForBotBubbles(2);

		this.browser.findElement(By.id("input")).sendKeys(Keys.ESCAPE);
		this.browser.switchTo().defaultContent();
		this.wait.until((browser) -> "false".equals(launcher().getAttribute("aria-expanded")));
		assertThat(panel().isDisplayed()).isFalse();
		assertThat(this.browser.executeScript(
				"const host = document.querySelector('wegwijzer-chat');"
						+ "return document.activeElement === host && host.shadowRoot.activeElement.id;"))
			.as("focus back on the launcher").isEqualTo("launcher");
	}

	@Test
	void shouldCountAnswersThatArriveWhileThePanelIsClosed() {
		this.browser.get(hostPage("one.html"));
		// By keyboard: Enter on the launcher, then Tab through the cookie choice to "Alles accepteren".
		launcher().sendKeys(Keys.ENTER);
		inFrame();
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("accept-all")));
		this.wait.until((browser) -> "consent-title".equals(browser.switchTo().activeElement().getAttribute("id")));
		for (int tabs = 0; tabs < 5 && !"accept-all".equals(this.browser.switchTo().activeElement().getAttribute("id")); tabs++) {
			this.browser.switchTo().activeElement().sendKeys(Keys.TAB);
		}
		WebElement focused = this.browser.switchTo().activeElement();
		assertThat(focused.getAttribute("id")).isEqualTo("accept-all");
		focused.sendKeys(Keys.ENTER);
		waitForBotBubbles(1);
		// Close the panel right after asking: the answer arrives while it is closed.
		this.browser.executeScript("""
				document.getElementById('input').value = arguments[0];
				document.getElementById('composer').requestSubmit();
				document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
				""", QUESTION);
		this.browser.switchTo().defaultContent();
		WebElement badge = this.wait.until((browser) -> {
			WebElement found = root().findElement(By.cssSelector(".badge"));
			return found.isDisplayed() ? found : null;
		});
		assertThat(badge.getText()).isEqualTo("1");
		assertThat(launcher().getAttribute("aria-label")).contains("1 nieuw bericht");

		launcher().click();
		this.wait.until((browser) -> !root().findElement(By.cssSelector(".badge")).isDisplayed());
	}

	@Test
	void shouldFillAPhoneScreenWithThePanelAndNotMoveForAVisitorWhoAsksSo() {
		this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
		this.browser.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
		this.browser.get(hostPage("one.html"));
		launcher().click();
		this.wait.until((browser) -> panel().isDisplayed());
		assertThat(panel().getCssValue("animation-name")).isEqualTo("none");
		assertThat(panel().getRect().getWidth()).isEqualTo(390);
		assertThat(panel().getRect().getHeight()).isEqualTo(844);
		inFrame();
		WebElement close = this.wait.until(ExpectedConditions.elementToBeClickable(By.id("close-panel")));
		assertThat(close.getAttribute("aria-label")).isEqualTo("Chat sluiten");
		close.click();
		this.browser.switchTo().defaultContent();
		this.wait.until((browser) -> !panel().isDisplayed());
	}

	@Test
	void shouldHaveNoAccessibilityViolationsOnTheHostPageAndInThePanel() {
		Axe.allowInjection(this.browser);
		this.browser.get(hostPage("one.html"));
		launcher();
		assertThat(Axe.violations(this.browser)).as("host page, closed").isEmpty();
		launcher().click();
		this.wait.until((browser) -> panel().isDisplayed());
		assertThat(Axe.violations(this.browser)).as("host page, open").isEmpty();
		inFrame();
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("accept-all")));
		assertThat(Axe.violations(this.browser)).as("cookie choice in the panel").isEmpty();
		this.browser.findElement(By.id("accept-all")).click();
		waitForBotBubbles(1);
		ask(QUESTION);
		waitForBotBubbles(2);
		assertThat(Axe.violations(this.browser)).as("chat in the panel").isEmpty();
	}

	private void serveHostSite(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String chat = "http://localhost:" + this.port;
		String widget = "<script src=\"" + chat + "/widget.js\" defer data-title=\"Erasmus+ hulp\" data-accent=\"#ffcc00\"></script>";
		String body = switch (path) {
			case "/plain.html" -> page("Erasmus+ informatie", "");
			case "/one.html" -> page("Erasmus+ informatie, pagina 1", widget);
			case "/two.html" -> page("Erasmus+ informatie, pagina 2", widget);
			case "/host.js" -> """
					document.addEventListener('wegwijzer:consent', (event) => {
					  document.body.dataset.consent = event.detail.categories.join(' ');
					});
					""";
			case "/host.css" -> "h1 { color: #800000; } * { border: 5px dashed red !important; font-family: monospace !important; }";
			default -> null;
		};
		if (body == null) {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
			return;
		}
		String type = path.endsWith(".js") ? "text/javascript" : path.endsWith(".css") ? "text/css" : "text/html";
		exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
		// What docs/widget.md asks of a host with a strict policy: the chat server as a script and frame source.
		exchange.getResponseHeaders().add("Content-Security-Policy", "default-src 'self'; script-src 'self' " + chat
				+ "; frame-src " + chat + "; style-src 'self'; object-src 'none'");
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private static String page(String title, String widget) {
		return """
				<!DOCTYPE html>
				<html lang="nl">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s</title>
				<link rel="stylesheet" href="/host.css">
				<script src="/host.js" defer></script>
				%s
				</head>
				<body>
				<header><p>Erasmus+ in Nederland</p></header>
				<main>
				<h1>%s</h1>
				<p><a href="/one.html">Naar pagina een</a> <a href="/two.html">Naar pagina twee</a></p>
				</main>
				</body>
				</html>
				""".formatted(title, widget, title);
	}

	private String hostPage(String page) {
		return "http://127.0.0.1:" + this.site.getAddress().getPort() + "/" + page;
	}

	private SearchContext root() {
		WebElement host = this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("wegwijzer-chat")));
		return host.getShadowRoot();
	}

	private WebElement launcher() {
		return this.wait.until((browser) -> root().findElement(By.cssSelector("#launcher")));
	}

	private WebElement panel() {
		return root().findElement(By.cssSelector("#panel"));
	}

	private void inFrame() {
		WebElement frame = this.wait.until((browser) -> root().findElement(By.cssSelector("iframe")));
		this.browser.switchTo().frame(frame);
	}

	/** The window's own properties, without those Selenium itself leaves behind when it finds elements. */
	@SuppressWarnings("unchecked")
	private List<String> globals() {
		List<String> names = (List<String>) this.browser.executeScript("return Object.getOwnPropertyNames(window);");
		return names.stream().filter((name) -> !name.startsWith("se_") && !name.equals("ret_nodes")).toList();
	}

	private static List<String> add(List<String> names, String name) {
		return java.util.stream.Stream.concat(names.stream(), java.util.stream.Stream.of(name)).toList();
	}

	private void ask(String question) {
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("input"))).sendKeys(question, Keys.ENTER);
	}

	private void waitForBotBubbles(int count) {
		this.wait.until((browser) -> browser.findElements(By.cssSelector("#messages .bubble.bot")).size() >= count);
	}

	private List<String> texts(String selector) {
		return this.browser.findElements(By.cssSelector("#messages " + selector))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

}
