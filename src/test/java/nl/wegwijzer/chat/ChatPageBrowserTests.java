package nl.wegwijzer.chat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import nl.wegwijzer.Axe;
import nl.wegwijzer.HeadlessChromium;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The visitor's page in a real browser against the real server: cookie choice, questions, quick
 * replies and resuming after a reload. Runs on Debian's Chromium and skips where it is not installed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1",
			// Selenium warns that it has no CDP classes for this Chromium; the tests do not use CDP events.
			"logging.level.org.openqa.selenium.devtools=error", "logging.level.org.openqa.selenium.chromium=error" })
class ChatPageBrowserTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String QUESTION = "Hoe lang duurt een strategisch partnerschap?";

	@LocalServerPort
	private int port;

	@Autowired
	private StaffActions staff;

	@Autowired
	private JdbcClient jdbc;

	@RegisterExtension
	static final HeadlessChromium chromium = new HeadlessChromium();

	private ChromeDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void freshBrowser() {
		chromium.fresh("http://localhost:" + this.port);
		this.browser = chromium.driver();
		this.wait = new WebDriverWait(this.browser, TIMEOUT);
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	@Test
	void shouldAnswerAQuestionAfterAcceptingAllCookies() {
		openPage();
		click("accept-all");
		waitForBotBubbles(1);
		assertThat(this.browser.findElement(By.id("consent")).isDisplayed()).isFalse();

		int before = botBubbles().size();
		ask(QUESTION);

		waitForBotBubbles(before + 1);
		assertThat(texts(".bubble.visitor")).singleElement().asString().contains(QUESTION);
		assertThat(lastBotText()).contains("2 of 3 jaar");
	}

	@Test
	void shouldSayWhatTheChatStoresAndLinkToMore() {
		openPage();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("consent-text")));
		assertThat(this.browser.findElement(By.id("consent-text")).getText()).contains("90 dagen", "5 jaar");
		assertThat(this.browser.findElements(By.cssSelector("#categories input")))
			.extracting((box) -> box.getAttribute("value"))
			.containsExactly("necessary", "analytics");
		String more = this.browser.findElement(By.cssSelector(".consent__more a")).getAttribute("href");

		this.browser.get(more);
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("90 dagen", "5 jaar",
				"statistieken van de helpdesk");
	}

	@Test
	void shouldChatWithOnlyTheNecessaryCookies() {
		openPage();
		click("necessary-only");
		waitForBotBubbles(1);
		WebElement quickReply = this.wait
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#messages button.quick-reply")));
		String suggestion = quickReply.getText();

		int before = botBubbles().size();
		quickReply.click();

		waitForBotBubbles(before + 1);
		assertThat(texts(".bubble.visitor")).singleElement().asString().contains(suggestion);
		assertThat(lastBotText()).isNotBlank();
	}

	@Test
	void shouldRestoreTheConversationAfterAReload() {
		openPage();
		click("accept-all");
		waitForBotBubbles(1);
		ask(QUESTION);
		waitForBotBubbles(2);
		List<String> before = texts(".bubble__text");
		List<String> offered = texts("button.quick-reply");

		this.browser.navigate().refresh();

		this.wait.until((browser) -> texts(".bubble__text").size() >= before.size());
		assertThat(texts(".bubble__text")).containsExactlyElementsOf(before);
		assertThat(lastBotText()).contains("2 of 3 jaar");
		assertThat(offered).isNotEmpty();
		assertThat(texts("button.quick-reply")).containsExactlyElementsOf(offered);
		assertThat(this.browser.findElement(By.id("consent")).isDisplayed()).isFalse();
	}

	@Test
	void shouldChangeTheCookieChoiceFromTheHeader() {
		openPage();
		click("accept-all");
		waitForBotBubbles(1);
		// After a reload the page has not seen the policy yet, the hardest case for reopening it.
		this.browser.navigate().refresh();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".bubble.bot")));

		click("cookie-settings");
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("necessary-only"))).click();

		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("consent")));
		int before = botBubbles().size();
		ask(QUESTION);
		waitForBotBubbles(before + 1);
		assertThat(lastBotText()).contains("2 of 3 jaar");
	}

	@Test
	void shouldMarkARefusedMessageAsNotSentAndSendItAgain() {
		openPage();
		click("accept-all");
		waitForBotBubbles(1);
		sendSixAtOnce();
		WebElement failed = this.wait.until(
				ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#messages .bubble.visitor.is-failed")));
		assertThat(failed.getText()).contains("Niet verstuurd").contains("Opnieuw versturen");

		// The bucket refills one frame every three seconds; until then a retry is refused and marked again.
		this.wait.withTimeout(Duration.ofSeconds(60)).until((browser) -> {
			List<WebElement> retry = browser.findElements(By.cssSelector("#messages .bubble.is-failed .bubble__retry"));
			if (!retry.isEmpty()) {
				retry.get(0).click();
			}
			return browser.findElements(By.cssSelector("#messages .bubble.is-failed")).isEmpty()
					&& texts(".bubble.visitor").stream().filter((t) -> t.contains("project 6")).count() == 1
					&& lastBotText().contains("2 of 3 jaar");
		});
	}

	@Test
	void shouldMarkOnlyTheRefusedMessagesWhenRepliesCrossLaterMessages() {
		openPage();
		click("accept-all");
		waitForBotBubbles(1);
		// The replies to the first messages cross the later messages.
		sendSixAtOnce();
		this.wait.until((browser) -> texts(".bubble.visitor.is-failed").size() + botBubbles().size() == 7);
		List<String> visitor = texts(".bubble.visitor");
		List<String> failed = texts(".bubble.visitor.is-failed");
		assertThat(failed).isNotEmpty();
		// The bot answered the first ones; only the refused last ones are marked.
		assertThat(visitor.subList(visitor.size() - failed.size(), visitor.size())).isEqualTo(failed);
		assertThat(botBubbles()).hasSize(1 + visitor.size() - failed.size());
	}

	@Test
	void shouldShowStaffTypingForAFewSecondsOnly() {
		String id = startChatting();
		// Staff typing reaches the visitor once staff have taken over.
		this.staff.agentMessage(id, "anna", "Anna", "Hoi, ik ben Anna.");
		this.wait.until((browser) -> texts(".bubble.agent").size() == 2);
		this.staff.typing(id, "Anna");
		WebElement typing = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("typing")));
		// Staff typing repeats every two seconds while they type; after a few seconds without one they stopped.
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until(ExpectedConditions.invisibilityOf(typing));
	}

	@Test
	void shouldNameAStaffMemberAsTheServerDoes() {
		String id = startChatting();
		this.staff.agentMessage(id, "anna", "Anna", "Hoi, ik ben Anna.");
		this.wait.until((browser) -> texts(".bubble.agent").size() == 2);
		assertThat(texts(".bubble.agent .bubble__name")).containsExactly("Anna van de helpdesk", "Anna van de helpdesk");

		// After a reload the names come with the history.
		this.browser.navigate().refresh();
		this.wait.until((browser) -> texts(".bubble.agent").size() == 2);
		assertThat(texts(".bubble.agent .bubble__name")).containsExactly("Anna van de helpdesk", "Anna van de helpdesk");
	}

	@Test
	void shouldShowACloseByStaffAndStartANewConversation() {
		String id = startChatting();
		this.staff.close(id, "answered");

		WebElement notice = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice--closed")));
		assertThat(notice.getText()).contains("afgesloten");
		notice.findElement(By.cssSelector(".notice__action")).click();
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("accept-all"))).click();
		waitForBotBubbles(1);
		assertThat(botBubbles()).hasSize(1);
		assertThat(newestConversation()).isNotEqualTo(id);
	}

	@Test
	void shouldFitAPhoneScreen() throws IOException {
		this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 320, "height", 640, "deviceScaleFactor", 1, "mobile", true));
		openPage();
		click("accept-all");
		waitForBotBubbles(1);

		Object overflow = this.browser
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
		assertThat(this.browser.findElement(By.id("send")).isDisplayed()).isTrue();
		assertThat(this.browser.findElement(By.id("cookie-settings")).isDisplayed()).isTrue();
		assertThat(this.browser.findElement(By.id("erase-chat")).isDisplayed()).isTrue();
		chromium.screenshot("chat-phone");
	}

	@Test
	void shouldHaveNoAccessibilityViolationsOnTheCookieChoiceAndTheChat() {
		Axe.allowInjection(this.browser);
		openPage();
		assertThat(Axe.violations(this.browser)).as("cookie choice").isEmpty();
		click("accept-all");
		waitForBotBubbles(1);
		ask(QUESTION);
		waitForBotBubbles(2);
		assertThat(Axe.violations(this.browser)).as("chat").isEmpty();
		click("cookie-settings");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("consent-close")));
		assertThat(Axe.violations(this.browser)).as("changing the cookie choice").isEmpty();
	}

	@Test
	void shouldStoreAThumbsUpWithTheAnswerAndShowItAfterAReload() {
		String conversation = startChatting();
		ask(QUESTION);
		waitForBotBubbles(2);
		WebElement up = lastBotBubble().findElement(By.cssSelector(".rating__button[data-rating='up']"));
		assertThat(up.getAttribute("aria-label")).isEqualTo("Ja, nuttig");
		up.click();

		this.wait.until((browser) -> "true".equals(
				lastBotBubble().findElement(By.cssSelector("[data-rating='up']")).getAttribute("aria-pressed")));
		assertThat(this.jdbc.sql("select rating from turn where conversation_id = :id and intent = 'duur'")
			.param("id", conversation)
			.query(String.class)
			.single()).isEqualTo("up");
		this.browser.navigate().refresh();
		this.wait.until((browser) -> botBubbles().size() >= 2 && "true".equals(
				lastBotBubble().findElement(By.cssSelector("[data-rating='up']")).getAttribute("aria-pressed")));
	}

	@Test
	void shouldRenderLinksAndListsOfTheAnswersAsAllowListedElements() {
		openPage();
		click("accept-all");
		waitForBotBubbles(1);
		ask("Uit welke landen mogen organisaties meedoen?");
		waitForBotBubbles(2);
		WebElement answer = lastBotBubble();
		assertThat(answer.findElements(By.cssSelector(".bubble__text *"))).extracting(WebElement::getTagName)
			.allMatch((tag) -> List.of("p", "ul", "li", "strong", "a", "br", "span").contains(tag));
		WebElement link = answer.findElement(By.cssSelector(".bubble__text a"));
		assertThat(link.getAttribute("href")).startsWith("https://");
		assertThat(link.getAttribute("rel")).isEqualTo("noopener noreferrer");
		assertThat(link.getAttribute("target")).isEqualTo("_blank");
		assertThat(answer.getText()).doesNotContain("](", "**");

		ask("Geef voorbeelden van deelnemende organisaties");
		waitForBotBubbles(3);
		assertThat(lastBotBubble().findElements(By.cssSelector(".bubble__text ul > li"))).hasSizeGreaterThan(1);
	}

	@Test
	void shouldDownloadTheTranscriptAndEndTheConversation() throws IOException {
		Path downloads = Files.createTempDirectory("wegwijzer-downloads");
		try {
			this.browser.executeCdpCommand("Browser.setDownloadBehavior",
					Map.of("behavior", "allow", "downloadPath", downloads.toString()));
			String conversation = startChatting();
			ask("Uit welke landen mogen organisaties meedoen?");
			waitForBotBubbles(2);

			click("download");
			Path transcript = this.wait.until((browser) -> {
				try (var files = Files.list(downloads)) {
					return files.filter((file) -> file.getFileName().toString().matches("wegwijzer-gesprek-.*\\.txt"))
						.findFirst()
						.orElse(null);
				}
				catch (IOException ex) {
					return null;
				}
			});
			String text = Files.readString(transcript);
			assertThat(text).contains("] Jij:", "Uit welke landen mogen organisaties meedoen?", "] Wegwijzer:",
					"programmagids Erasmus+ (https://");

			click("end-chat");
			this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice-region"), "beëindigd"));
			assertThat(this.browser.findElement(By.id("input")).isEnabled()).isFalse();
			assertThat(this.browser.executeScript("return sessionStorage.getItem('wegwijzer.resumeToken');")).isNull();
			assertThat(this.jdbc.sql("select close_reason from conversation where id = :id")
				.param("id", conversation)
				.query(String.class)
				.single()).isEqualTo("ended");

			this.browser.findElement(By.cssSelector("#notice-region .notice__action")).click();
			this.wait.until(ExpectedConditions.elementToBeClickable(By.id("accept-all")));
			assertThat(texts(".bubble")).isEmpty();
		}
		finally {
			FileSystemUtils.deleteRecursively(downloads);
		}
	}

	@Test
	void shouldEraseTheConversationOnRequestAndStartANewOneWhenAsked() {
		String conversation = startChatting();
		ask(QUESTION);
		waitForBotBubbles(2);

		click("erase-chat");
		this.wait.until(ExpectedConditions.alertIsPresent()).accept();

		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice-region"), "Je gesprek is gewist."));
		assertThat(texts(".bubble")).isEmpty();
		assertThat(this.browser.executeScript("return sessionStorage.getItem('wegwijzer.resumeToken');")).isNull();
		assertThat(this.jdbc.sql("select count(*) from conversation where id = :id")
			.param("id", conversation)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.browser.findElement(By.id("erase-chat")).isDisplayed()).isFalse();

		this.browser.findElement(By.cssSelector("#notice-region .notice__action")).click();
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("accept-all"))).click();
		waitForBotBubbles(1);
		assertThat(newestConversation()).isNotEqualTo(conversation);
	}

	private WebElement lastBotBubble() {
		List<WebElement> bubbles = botBubbles();
		return bubbles.get(bubbles.size() - 1);
	}

	private void openPage() {
		this.browser.get("http://localhost:" + this.port + "/");
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("accept-all")));
	}

	private void click(String id) {
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
	}

	private void ask(String question) {
		WebElement input = this.wait.until(ExpectedConditions.elementToBeClickable(By.id("input")));
		input.sendKeys(question, Keys.ENTER);
	}

	/**
	 * Six questions in one go, before any reply arrives and faster than the rate limit refills (one frame
	 * every three seconds): the consent and the messages use up the burst, and the last are refused.
	 */
	private void sendSixAtOnce() {
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("input")));
		this.browser.executeScript("""
				const input = document.getElementById('input');
				for (let i = 1; i <= 6; i++) {
				  input.value = 'Hoe lang duurt een project ' + i + '?';
				  document.getElementById('composer').requestSubmit();
				}""");
	}

	private void waitForBotBubbles(int count) {
		this.wait.until((browser) -> botBubbles().size() >= count);
	}

	private List<WebElement> botBubbles() {
		return this.browser.findElements(By.cssSelector("#messages .bubble.bot"));
	}

	private String lastBotText() {
		List<WebElement> bubbles = botBubbles();
		return bubbles.get(bubbles.size() - 1).getText();
	}

	private List<String> texts(String selector) {
		return this.browser.findElements(By.cssSelector("#messages " + selector))
			.stream()
			.map(WebElement::getText)
			.toList();
	}


	/** Opens the page, accepts all cookies, waits for the welcome and returns the new conversation's id. */
	private String startChatting() {
		openPage();
		click("accept-all");
		waitForBotBubbles(1);
		return newestConversation();
	}

	private String newestConversation() {
		return this.jdbc.sql("select id from conversation order by started_at desc fetch first 1 rows only")
			.query(String.class)
			.single();
	}

}
