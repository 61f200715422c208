package nl.recordsdesk.browser;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The request form, the status page and the co-signer's page, as people use them. */
public class RequestForm {

	private final WebDriver driver;

	private final String baseUrl;

	public RequestForm(WebDriver driver, String baseUrl) {
		this.driver = driver;
		this.baseUrl = baseUrl;
	}

	public RequestForm start() {
		this.driver.get(this.baseUrl + "/request");
		return this;
	}

	/** The portal's address of a path. */
	public String url(String path) {
		return this.baseUrl + path;
	}

	public RequestForm open(String url) {
		this.driver.get(url);
		return this;
	}

	public RequestForm choose(String label) {
		this.driver.findElement(By.xpath("//label[normalize-space()=\"" + label + "\"]")).click();
		return this;
	}

	public RequestForm fill(String id, String value) {
		WebElement field = this.driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(value);
		return this;
	}

	public RequestForm attach(String id, Path file) {
		this.driver.findElement(By.id(id)).sendKeys(file.toAbsolutePath().toString());
		return this;
	}

	public RequestForm next() {
		return press("form.form button[type=submit]");
	}

	public RequestForm press(String css) {
		return submitWith(this.driver.findElement(By.cssSelector(css)));
	}

	public RequestForm pressButton(String text) {
		return submitWith(this.driver.findElement(By.xpath("//button[normalize-space()=\"" + text + "\"]")));
	}

	private RequestForm submitWith(WebElement button) {
		try {
			Chromium.clickAndAwaitNextPage(this.driver, button);
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			// What the page showed when it did not go on, to see why.
			Chromium.fullPageScreenshot(this.driver,
					"stuck-" + this.driver.getTitle().replaceAll("[^A-Za-z0-9]+", "-"));
			throw ex;
		}
		return this;
	}

	public String heading() {
		return this.driver.findElement(By.tagName("h1")).getText();
	}

	public String stepCount() {
		return this.driver.findElement(By.cssSelector(".steps__count")).getText();
	}

	public String text(String id) {
		return this.driver.findElement(By.id(id)).getText();
	}

	public String attribute(String id, String name) {
		return this.driver.findElement(By.id(id)).getDomAttribute(name);
	}

	public String value(String id) {
		return this.driver.findElement(By.id(id)).getDomProperty("value");
	}

	public List<String> errors() {
		return this.driver.findElements(By.cssSelector("#error-summary li, .field__error"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	public String currentPath() {
		return this.driver.getCurrentUrl().substring(this.baseUrl.length());
	}

	/** A small real PNG, as a phone photo of an ID would be. */
	public static Path photo(String name) {
		try {
			Path file = Files.createTempDirectory("upload").resolve(name);
			BufferedImage image = new BufferedImage(64, 40, BufferedImage.TYPE_INT_RGB);
			image.getGraphics().fillRect(8, 8, 20, 20);
			ImageIO.write(image, "png", file.toFile());
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
