package nl.recordsdesk.accounts;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The staff pages as a member of staff uses them: by labels, links and buttons. */
class StaffPages {

	private final WebDriver driver;

	private final String baseUrl;

	StaffPages(WebDriver driver, String baseUrl) {
		this.driver = driver;
		this.baseUrl = baseUrl;
	}

	StaffPages open(String path) {
		this.driver.get(this.baseUrl + path);
		return this;
	}

	/** Types into the field whose label reads {@code label}. */
	StaffPages fill(String label, String value) {
		WebElement labelElement = this.driver.findElement(By.xpath("//label[normalize-space()=\"" + label + "\"]"));
		WebElement field = this.driver.findElement(By.id(labelElement.getDomAttribute("for")));
		field.clear();
		field.sendKeys(value);
		return this;
	}

	StaffPages check(String label) {
		this.driver.findElement(By.xpath("//label[normalize-space()=\"" + label + "\"]")).click();
		return this;
	}

	StaffPages follow(String linkText) {
		return submitWith(this.driver.findElement(By.linkText(linkText)));
	}

	StaffPages press(String buttonText) {
		return submitWith(this.driver.findElement(By.xpath("//button[normalize-space()=\"" + buttonText + "\"]")));
	}

	/** Clicks and waits until the next page has replaced this one. */
	private StaffPages submitWith(WebElement element) {
		nl.recordsdesk.browser.Chromium.clickAndAwaitNextPage(this.driver, element);
		return this;
	}

	String heading() {
		return this.driver.findElement(By.tagName("h1")).getText();
	}

	String text(String id) {
		return this.driver.findElement(By.id(id)).getText();
	}

	boolean shows(String id) {
		return !this.driver.findElements(By.id(id)).isEmpty();
	}

	String path() {
		return this.driver.getCurrentUrl().substring(this.baseUrl.length());
	}

}
