package nl.wegwijzer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium, headless, for the browser tests, with a fresh profile each time. Skips the test
 * where Chromium is not installed ({@code .ci/run} installs it).
 */
public final class HeadlessChromium implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final Path profile;

	private final ChromeDriver driver;

	private HeadlessChromium(Path profile, ChromeDriver driver) {
		this.profile = profile;
		this.driver = driver;
	}

	public static HeadlessChromium start() throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium not installed: apt-get install chromium chromium-driver (see .ci/run)");
		// Explicit paths everywhere, so Selenium Manager never goes looking for (or downloading) a driver.
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		Path profile = Files.createTempDirectory("wegwijzer-chromium");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,800", "--user-data-dir=" + profile);
		return new HeadlessChromium(profile, new ChromeDriver(service, options));
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

	@Override
	public void close() throws IOException {
		this.driver.quit();
		FileSystemUtils.deleteRecursively(this.profile);
	}

}
