package nl.recordsdesk.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The contact form as a visitor uses it: by the labels they read. */
class ContactPage {

	private final WebDriver driver;

	private final Instant shownAt;

	ContactPage(WebDriver driver) {
		this.driver = driver;
		this.shownAt = Instant.now();
	}

	/** From the home page, by the link a visitor follows. */
	static ContactPage openFromHome(WebDriver driver, String baseUrl) {
		driver.get(baseUrl + "/");
		driver.findElement(By.id("contact-link")).click();
		return new ContactPage(driver);
	}

	ContactPage type(String label, String text) {
		WebElement field = this.driver.findElement(By
			.id(this.driver.findElement(By.xpath("//label[normalize-space()=\"" + label + "\"]")).getAttribute("for")));
		field.clear();
		field.sendKeys(text);
		return this;
	}

	ContactPage choose(String label) {
		this.driver.findElement(By.xpath("//label[normalize-space()=\"" + label + "\"]")).click();
		return this;
	}

	/**
	 * Sends the form as a person does: not within the seconds after it was shown (a form
	 * sent sooner is taken for a bot's). Waits for that condition, not for a fixed time.
	 */
	ContactPage send(Duration minFillTime) {
		new WebDriverWait(this.driver, minFillTime.plusSeconds(5)).pollingEvery(Duration.ofMillis(100))
			.until((driver) -> Instant.now().isAfter(this.shownAt.plus(minFillTime)));
		this.driver.findElement(By.id("send")).click();
		return this;
	}

	String heading() {
		return this.driver.findElement(By.tagName("h1")).getText();
	}

	List<String> errorSummary() {
		return this.driver.findElements(By.cssSelector("#error-summary li")).stream().map(WebElement::getText).toList();
	}

	String valueOf(String id) {
		return this.driver.findElement(By.id(id)).getDomProperty("value");
	}

	boolean honeypotVisible() {
		return this.driver.findElement(By.id("website")).isDisplayed();
	}

}
