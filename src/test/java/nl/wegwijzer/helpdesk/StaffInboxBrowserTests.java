package nl.wegwijzer.helpdesk;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import nl.wegwijzer.Axe;
import nl.wegwijzer.ChatClient;
import nl.wegwijzer.HeadlessChromium;
import nl.wegwijzer.StaffHttp;
import nl.wegwijzer.consent.ConsentRecord;
import nl.wegwijzer.consent.ConsentRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The helpdesk pages in a real browser against the real server: a staff member logs in, sees a new visitor's
 * conversation arrive in the inbox without a reload, opens it and answers, and the visitor's WebSocket gets
 * the answer under the staff member's name. Runs on Debian's Chromium and skips where it is not installed.
 * <p>
 * With {@code -Dwegwijzer.screenshots=DIR} it also saves screenshots of the inbox, a conversation and the
 * statistics at 1280×800, to look at the pages as a person would.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:staffbrowser;DB_CLOSE_DELAY=-1",
			"wegwijzer.staff.username=staff", "wegwijzer.staff.password=geheim", "wegwijzer.staff.name=Sanne",
			"wegwijzer.helpdesk.office-hours=MON-SUN 00:00-24:00", "wegwijzer.staff.users[0].username=lisa",
			"wegwijzer.staff.users[0].password=lisa-geheim", "wegwijzer.staff.users[0].name=Lisa",
			"wegwijzer.staff.users[0].role=agent",
			// Selenium warns that it has no CDP classes for this Chromium; the tests do not use CDP events.
			"logging.level.org.openqa.selenium.devtools=error", "logging.level.org.openqa.selenium.chromium=error" })
class StaffInboxBrowserTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final String QUESTION = "Hoe lang duurt een strategisch partnerschap?";

	private static final String REPLY = "Hoi, ik ben Sanne van de helpdesk. Waar kan ik je mee helpen?";

	@LocalServerPort
	private int port;

	@Autowired
	private ConsentRepository consents;

	@RegisterExtension
	static final HeadlessChromium chromium = new HeadlessChromium();

	private ChromeDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void freshBrowser() {
		chromium.fresh(url(""));
		this.browser = chromium.driver();
		// The page itself 1280×800, as a desktop helpdesk screen shows it (the window size includes the frame).
		this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
		this.wait = new WebDriverWait(this.browser, TIMEOUT);
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	@Test
	void shouldShowANewConversationLiveAndDeliverTheStaffReplyToTheVisitor() throws Exception {
		logIn();
		this.wait.until(ExpectedConditions.textToBe(By.id("staff-name"), "Sanne"));
		// Listening before the visitor arrives, so the row can only come from the event stream.
		this.wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
		this.browser.executeScript("window.stillTheSamePage = true;");

		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			String sessionId = visitor.sessionId();
			visitor.send(Map.of("type", "message", "text", QUESTION));
			assertThat(visitor.expect("bot").path("intent").asString()).isEqualTo("duur");

			By row = By.cssSelector("#rows tr[data-session-id='" + sessionId + "']");
			this.wait.until((browser) -> browser.findElement(row).getText().contains("duur"));
			assertThat(this.browser.executeScript("return window.stillTheSamePage === true;"))
				.as("the row arrived without a reload")
				.isEqualTo(true);
			assertThat(this.browser.findElement(row).getText()).contains("Bot", "online");
			chromium.screenshot("inbox");

			this.browser.findElement(row).findElement(By.cssSelector("a.inbox__open")).click();
			this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("turns"), QUESTION));
			this.wait.until(ExpectedConditions.elementToBeClickable(By.id("reply-text"))).sendKeys(REPLY, Keys.ENTER);

			JsonNode agent = visitor.expectAgentSaying(REPLY);
			assertThat(agent.path("name").asString()).isEqualTo("Sanne");
			this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("turns"), REPLY));
			this.wait.until(ExpectedConditions.textToBe(By.id("status-badge"), "Overgenomen"));
			assertThat(this.browser.findElement(By.id("release")).isDisplayed()).isTrue();
			chromium.screenshot("conversation");
		}
	}

	@Test
	void shouldChartTheConversationsOfVisitorsWhoAllowedAnalytics() throws Exception {
		try (ChatClient visitor = ChatClient.chatting(this.port, "analytics")) {
			for (String question : List.of(QUESTION, "Welke landen mogen meedoen?", "wat is de hoofdstad van Peru")) {
				visitor.send(Map.of("type", "message", "text", question));
				visitor.expect("bot");
			}
		}
		logIn();
		this.browser.get(url("/staff/statistics"));

		this.wait.until((browser) -> !browser.findElement(By.id("conversations-value")).getText().equals("—")
				|| !browser.findElement(By.id("notices")).getText().isBlank());
		assertThat(this.browser.findElement(By.id("notices")).getText()).as("error shown on the page").isBlank();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#per-day-chart .uplot canvas")));
		assertThat(this.browser.findElement(By.id("conversations-value")).getText()).isNotEqualTo("0");
		assertThat(this.browser.findElements(By.cssSelector("#intents-chart .uplot canvas"))).isNotEmpty();
		assertThat(this.browser.findElement(By.id("analytics-note")).getText()).contains("analytische cookies");
		chromium.screenshot("statistics");
	}

	@Test
	void shouldShowEveryQuestionOfAPastedEmailAndADraftToCopy() throws Exception {
		logIn();
		this.browser.get(url("/staff/triage"));
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("triage-text")))
			.sendKeys("Beste helpdesk,\n\nWij zijn een jongerenorganisatie. Hoe lang mag een project duren? "
					+ "En hoeveel partners hebben we nodig?\n\nMet vriendelijke groet,\nFatima");
		this.browser.findElement(By.id("triage-submit")).click();

		this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#result-questions .question"), 2));
		List<WebElement> questions = this.browser.findElements(By.cssSelector("#result-questions .question"));
		assertThat(questions.get(0).getText()).contains("Hoe lang mag een project duren?").contains("duur");
		assertThat(questions.get(1).getText()).contains("aantal_partners");
		assertThat(this.browser.findElement(By.id("result-answer")).getText()).startsWith("Beste Fatima,")
			.contains("2 of 3 jaar");
		chromium.screenshot("triage");
	}

	@Test
	void shouldExplainAWrongPasswordAndALogoutInDutch() {
		this.browser.get(url("/staff"));
		login("staff", "fout");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-message"), "klopt niet"));

		login("staff", "geheim");
		this.wait.until(ExpectedConditions.textToBe(By.id("staff-name"), "Sanne"));
		this.browser.findElement(By.id("logout")).click();

		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-message"), "uitgelogd"));
		this.browser.get(url("/staff"));
		this.wait.until(ExpectedConditions.urlContains("/staff/login"));
	}

	@Test
	void shouldNotifyOfANewlyWaitingVisitorOnceAllowed() throws Exception {
		logIn();
		this.wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
		// The page's own heartbeat makes Sanne available; the browser's notifications are recorded, as the
		// desktop would show them, once the button gave permission.
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("presence-team"), "1 collega beschikbaar"));
		this.browser.executeScript("""
				window.shown = [];
				window.Notification = class {
				  static permission = 'default';
				  static requestPermission() { window.Notification.permission = 'granted'; return Promise.resolve('granted'); }
				  constructor(title, options) { window.shown.push(title + ' | ' + options.tag); }
				  addEventListener() {}
				};""");
		this.browser.findElement(By.id("notifications")).click();
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("notifications")));
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			visitor.send(Map.of("type", "message", "text", "Ik wil een medewerker spreken"));
			assertThat(visitor.expect("bot").path("text").asString()).contains("als eerste aan de beurt");
			this.wait.until((browser) -> ((List<?>) this.browser.executeScript("return window.shown;")).size() == 1);
			assertThat(this.browser.executeScript("return window.shown[0];").toString())
				.startsWith("Een bezoeker wacht op een medewerker | /staff/conversation?id=");
			visitor.send(Map.of("type", "message", "text", "hallo?"));
			visitor.expect("bot");
			this.wait.until(ExpectedConditions.textToBe(By.cssSelector("#rows tr.is-waiting td.num"), "3"));
			assertThat((List<?>) this.browser.executeScript("return window.shown;")).as("once per wait").hasSize(1);
		}
	}

	@Test
	void shouldFollowAnAwayChosenInAnotherStaffTab() {
		logIn();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("presence-team"), "1 collega beschikbaar"));
		String first = this.browser.getWindowHandle();
		this.browser.switchTo().newWindow(WindowType.TAB);
		this.browser.get(url("/staff"));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("presence-team"), "1 collega beschikbaar"));
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("available"))).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("presence-team"), "0 collega"));

		// The tab opened first no longer claims Sanne is available, with no click there.
		this.browser.switchTo().window(first);
		this.wait.until(ExpectedConditions.elementSelectionStateToBe(By.id("available"), false));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("presence-team"), "0 collega"));
	}

	@Test
	void shouldNameACookieCategoryThatIsNoLongerOffered() {
		// This deployment offers analytics only; a record from when social media was offered still names it.
		this.consents.insert(new ConsentRecord(UUID.randomUUID().toString(), UUID.randomUUID().toString(), Instant.now(),
				"0123456789ab", List.of("necessary", "social"), List.of("analytics"), ConsentRecord.Method.CUSTOM,
				"Mozilla/5.0"));
		logIn();
		this.browser.get(url("/staff/consents"));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rows"), "Social media"));
		assertThat(this.browser.findElement(By.id("rows")).getText()).doesNotContain("social");
	}

	@Test
	void shouldAssignInsertACannedReplyByKeyboardNoteAndClose() throws Exception {
		logIn();
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			String sessionId = visitor.sessionId();
			By row = By.cssSelector("#rows tr[data-session-id='" + sessionId + "']");
			String id = this.wait.until(ExpectedConditions.presenceOfElementLocated(row)).getAttribute("data-id");
			this.browser.get(url("/staff/conversation?id=" + id));

			this.wait.until(ExpectedConditions.elementToBeClickable(By.id("assign"))).click();
			this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("owner"), "aan jou toegewezen"));

			WebElement reply = this.wait.until(ExpectedConditions.elementToBeClickable(By.id("reply-text")));
			reply.sendKeys(Keys.chord(Keys.ALT, "/"));
			this.wait.until((browser) -> "canned-q".equals(browser.switchTo().activeElement().getAttribute("id")));
			this.browser.switchTo().activeElement().sendKeys("looptijd");
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#canned-results [aria-selected='true']")));
			this.browser.switchTo().activeElement().sendKeys(Keys.ENTER);
			this.wait.until((browser) -> browser.findElement(By.id("reply-text")).getDomProperty("value").contains("2 of 3 jaar"));
			assertThat(this.browser.switchTo().activeElement().getAttribute("id")).isEqualTo("reply-text");

			this.browser.findElement(By.id("note-text")).sendKeys("Belt morgen terug over de begroting.");
			this.browser.findElement(By.cssSelector("#note-form button[type='submit']")).click();
			this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("turns"), "Belt morgen terug"));
			assertThat(this.browser.findElement(By.id("turns")).getText()).contains("Notitie van Sanne");

			new Select(this.browser.findElement(By.id("close-reason"))).selectByValue("answered");
			this.browser.findElement(By.id("close")).click();
			this.wait.until(ExpectedConditions.textToBe(By.id("status-badge"), "Gesloten"));
			assertThat(visitor.expect("closed").path("reason").asString()).isEqualTo("answered");
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reopen")));
		}
	}

	@Test
	void shouldEraseAConversationFromItsPageAndDropItFromTheInbox() throws Exception {
		logIn();
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			visitor.ask(QUESTION);
			By row = By.cssSelector("#rows tr[data-session-id='" + visitor.sessionId() + "']");
			String id = this.wait.until(ExpectedConditions.presenceOfElementLocated(row)).getAttribute("data-id");
			String inbox = this.browser.getWindowHandle();
			this.browser.switchTo().newWindow(WindowType.TAB);
			this.browser.get(url("/staff/conversation?id=" + id));
			this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("turns"), QUESTION));
			assertThat(this.browser.findElement(By.id("export-conversation")).getAttribute("href"))
				.endsWith("/api/staff/conversations/" + id + "/export");

			this.browser.findElement(By.id("erase")).click();
			this.wait.until(ExpectedConditions.alertIsPresent()).accept();

			this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notices"), "Het gesprek is gewist."));
			assertThat(this.browser.findElement(By.id("conversation")).isDisplayed()).isFalse();
			assertThat(visitor.expect("erased").path("text").asString()).startsWith("Je gesprek is gewist.");
			this.browser.switchTo().window(inbox);
			this.wait.until(ExpectedConditions.numberOfElementsToBe(row, 0));
		}
	}

	@Test
	void shouldFitEveryStaffPageInAPhoneWithTheSameNavigationAndTheServersLabels() throws Exception {
		this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
		logIn();
		String conversation;
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			String sessionId = visitor.sessionId();
			By row = By.cssSelector("#rows tr[data-session-id='" + sessionId + "']");
			conversation = this.wait.until(ExpectedConditions.presenceOfElementLocated(row)).getAttribute("data-id");
		}
		assertThat(this.browser.findElement(By.cssSelector("#status option[value='OFFLINE_MESSAGE']")).getAttribute("textContent"))
			.isEqualTo("Offline bericht");
		assertThat(this.browser.findElements(By.cssSelector("#views .view"))).hasSize(6);
		Map<String, String> pages = Map.of("/staff", "Inbox", "/staff/conversation?id=" + conversation, "Inbox",
				"/staff/triage", "Triage", "/staff/consents", "Toestemmingen", "/staff/statistics", "Statistieken");
		for (Map.Entry<String, String> page : pages.entrySet()) {
			this.browser.get(url(page.getKey()));
			this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-name"), "Sanne"));
			List<WebElement> links = this.browser.findElements(By.cssSelector("#nav-list .nav__link"));
			assertThat(links).extracting(WebElement::getText)
				.containsExactly("Inbox", "Triage", "Toestemmingen", "Statistieken");
			assertThat(this.browser.findElement(By.cssSelector("#nav-list [aria-current='page']")).getText())
				.as(page.getKey()).isEqualTo(page.getValue());
			Object width = this.browser.executeScript("return document.documentElement.scrollWidth;");
			assertThat(((Number) width).intValue()).as("width of %s", page.getKey()).isLessThanOrEqualTo(390);
			chromium.screenshot("phone" + page.getKey().replaceAll("[^a-z]", "-"));
		}
	}

	@Test
	void shouldOfferAnAgentNeitherTheConsentsNorRetraining() throws Exception {
		this.browser.get(url("/staff"));
		login("lisa", "lisa-geheim");
		this.wait.until(ExpectedConditions.urlMatches("/staff(\\?[^/]*)?$"));
		String conversation;
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			By row = By.cssSelector("#rows tr[data-session-id='" + visitor.sessionId() + "']");
			conversation = this.wait.until(ExpectedConditions.presenceOfElementLocated(row)).getAttribute("data-id");
		}
		this.browser.get(url("/staff/conversation?id=" + conversation));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-name"), "Lisa"));
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("retrain")));
		assertThat(this.browser.findElement(By.id("erase")).isDisplayed()).as("only admins erase").isFalse();
		assertThat(this.browser.findElements(By.cssSelector("#nav-list .nav__link")).stream()
			.filter(WebElement::isDisplayed)
			.map(WebElement::getText)).containsExactly("Inbox", "Triage", "Statistieken");
		assertThat(this.browser.findElement(By.id("export")).isDisplayed()).as("agents may export labels").isTrue();
		// Lisa's open page made her available: leave, and say so, for the tests that count colleagues.
		this.browser.get("about:blank");
		assertThat(StaffHttp.basic(this.port, "lisa", "lisa-geheim").postJson("/api/staff/presence",
				Map.of("available", false)).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldHaveNoAccessibilityViolationsOnAnyStaffPage() throws Exception {
		Axe.allowInjection(this.browser);
		this.browser.get(url("/staff/login"));
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
		assertThat(Axe.violations(this.browser)).as("/staff/login").isEmpty();
		logIn();
		String conversation;
		try (ChatClient visitor = ChatClient.chatting(this.port)) {
			By row = By.cssSelector("#rows tr[data-session-id='" + visitor.sessionId() + "']");
			conversation = this.wait.until(ExpectedConditions.presenceOfElementLocated(row)).getAttribute("data-id");
		}
		for (String page : List.of("/staff", "/staff/conversation?id=" + conversation, "/staff/triage",
				"/staff/consents", "/staff/statistics")) {
			this.browser.get(url(page));
			this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-name"), "Sanne"));
			this.wait.until((browser) -> browser.findElements(By.cssSelector("[aria-busy='true']")).isEmpty());
			assertThat(Axe.violations(this.browser)).as(page).isEmpty();
		}
	}

	private void logIn() {
		this.browser.get(url("/staff"));
		login("staff", "geheim");
		this.wait.until(ExpectedConditions.urlMatches("/staff(\\?[^/]*)?$"));
	}

	private void login(String username, String password) {
		WebElement name = this.wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
		name.clear();
		name.sendKeys(username);
		WebElement secret = this.browser.findElement(By.id("password"));
		secret.clear();
		secret.sendKeys(password, Keys.ENTER);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
