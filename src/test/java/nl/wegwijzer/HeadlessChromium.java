package nl.wegwijzer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium, headless, for the browser tests: one per test class, registered with
 * {@code @RegisterExtension static final HeadlessChromium chromium = new HeadlessChromium();}, with a
 * profile of its own, and {@link #fresh(String...) fresh} before each test. Skips the class where
 * Chromium is not installed ({@code .ci/run} installs it).
 */
public final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private Path profile;

	private ChromeDriver driver;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium not installed: apt-get install chromium chromium-driver (see .ci/run)");
		// Explicit paths everywhere, so Selenium Manager never goes looking for (or downloading) a driver.
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		this.profile = Files.createTempDirectory("wegwijzer-chromium");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,800", "--user-data-dir=" + this.profile);
		this.driver = new ChromeDriver(service, options);
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		if (this.driver != null) {
			this.driver.quit();
			this.driver = null;
		}
		if (this.profile != null) {
			FileSystemUtils.deleteRecursively(this.profile);
			this.profile = null;
		}
	}

	/**
	 * Puts the browser back as if it had just started: one blank tab (no page, sessionStorage, dialog or
	 * emulation of an earlier test survives), no cookies, no cache, no permissions, the default downloads,
	 * and nothing stored by the given origins ({@code http://host:port}).
	 */
	public void fresh(String... origins) {
		Set<String> earlier = this.driver.getWindowHandles();
		// A test that failed may have left a dialog open, which refuses every command to its tab.
		for (String handle : earlier) {
			dismissDialog(handle);
		}
		String blank = this.driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
		for (String handle : earlier) {
			this.driver.switchTo().window(handle).close();
		}
		this.driver.switchTo().window(blank);
		this.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
		this.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
		for (String origin : origins) {
			this.driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
		}
		this.driver.executeCdpCommand("Browser.resetPermissions", Map.of());
		this.driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "default"));
	}

	private void dismissDialog(String handle) {
		try {
			this.driver.switchTo().window(handle).switchTo().alert().dismiss();
		}
		catch (NoAlertPresentException ex) {
			// No dialog open in this tab.
		}
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	/** With {@code -Dwegwijzer.screenshots=DIR}, saves what the browser shows as {@code DIR/name.png}. */
	public void screenshot(String name) throws IOException {
		String dir = System.getProperty("wegwijzer.screenshots");
		if (dir == null || dir.isBlank()) {
			return;
		}
		Path target = Files.createDirectories(Path.of(dir)).resolve(name + ".png");
		Files.move(this.driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

}
