package nl.recordsdesk.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.HasCdp;

/**
 * Debian's chromium and chromedriver, and nothing downloaded: the paths are given to
 * Selenium, so its driver manager never runs. {@code CHROMIUM_BIN} and
 * {@code CHROMEDRIVER_BIN} point elsewhere when a machine keeps them in another place.
 */
public final class Chromium {

	static final String BROWSER = env("CHROMIUM_BIN", "/usr/bin/chromium");

	static final String DRIVER = env("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");

	/**
	 * How long a page may take to come: long enough for a machine under load (filing a
	 * request renders its letter); a passing journey waits only as long as its pages
	 * take.
	 */
	public static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);

	private Chromium() {
	}

	static boolean installed() {
		return new File(BROWSER).canExecute() && new File(DRIVER).canExecute();
	}

	private static @Nullable WebDriver shared;

	/**
	 * The one browser of this test run, started on first use and closed when the JVM
	 * ends. Every browser test shares it (and one application), and starts each journey
	 * by deleting its cookies.
	 */
	public static synchronized WebDriver shared() {
		if (shared == null) {
			WebDriver browser = start();
			Runtime.getRuntime().addShutdownHook(new Thread(browser::quit, "chromium-quit"));
			shared = browser;
		}
		return shared;
	}

	/**
	 * A headless browser with a fresh profile, Dutch unless the page is told otherwise.
	 */
	static WebDriver start() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER);
		// The flags that keep a headless chromium quiet and self-contained on a closed
		// network, as root, in a container without a GPU.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1400", "--lang=nl-NL");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(PAGE_TIMEOUT);
		return driver;
	}

	/**
	 * Clicks and waits until the next page has replaced this one. Chromium may answer a
	 * look at the old element with a stale-element error or, while the new document
	 * loads, with an inspector error; both mean the page was replaced.
	 */
	public static void clickAndAwaitNextPage(WebDriver driver, org.openqa.selenium.WebElement element) {
		element.click();
		new org.openqa.selenium.support.ui.WebDriverWait(driver, PAGE_TIMEOUT).until((d) -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				return true;
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				return String.valueOf(ex.getMessage()).contains("does not belong to the document");
			}
		});
	}

	/**
	 * Keeps what the browser shows under {@code target/browser-screenshots}, for people
	 * to look at.
	 */
	public static void screenshot(WebDriver driver, String name) {
		try {
			Path folder = Files.createDirectories(Path.of("target", "browser-screenshots"));
			Path file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(file, folder.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Keeps the whole page, also what lies below the window, under
	 * {@code target/browser-screenshots}: on a phone the window shows only the top of a
	 * page.
	 */
	public static void fullPageScreenshot(WebDriver driver, String name) {
		HasCdp cdp = (HasCdp) driver;
		Map<String, Object> metrics = cdp.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		@SuppressWarnings("unchecked")
		Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
		Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"),
				"scale", 1);
		Map<String, Object> shot = cdp.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
		try {
			Path folder = Files.createDirectories(Path.of("target", "browser-screenshots"));
			Files.write(folder.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String env(String name, String fallback) {
		@Nullable String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
