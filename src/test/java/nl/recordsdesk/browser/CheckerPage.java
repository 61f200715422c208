package nl.recordsdesk.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The "What do I need?" page as a visitor uses it: by the labels they read. */
public class CheckerPage {

	private final WebDriver driver;

	CheckerPage(WebDriver driver) {
		this.driver = driver;
	}

	public static CheckerPage open(WebDriver driver, String baseUrl) {
		driver.get(baseUrl + "/checker");
		return new CheckerPage(driver);
	}

	public CheckerPage choose(String label) {
		this.driver.findElement(By.xpath("//label[normalize-space()=\"" + label + "\"]")).click();
		return this;
	}

	public CheckerPage birthDate(String date) {
		WebElement field = this.driver.findElement(By.id("birthDate"));
		field.clear();
		field.sendKeys(date);
		return this;
	}

	public CheckerPage submit() {
		this.driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
		return this;
	}

	public CheckerPage switchTo(String language) {
		this.driver.findElement(By.linkText(language)).click();
		return this;
	}

	public String heading() {
		return this.driver.findElement(By.tagName("h1")).getText();
	}

	public String answerTitle() {
		return this.driver.findElement(By.id("answer-title")).getText();
	}

	public List<String> requiredItems() {
		return texts(By.cssSelector("#required-items li"));
	}

	public List<String> reasons() {
		return texts(By.cssSelector("#reasons li"));
	}

	public List<String> errorSummary() {
		return texts(By.cssSelector("#error-summary li"));
	}

	public String errorOf(String field) {
		return this.driver.findElement(By.id(field + "-error")).getText();
	}

	public String valueOf(String field) {
		return this.driver.findElement(By.id(field)).getDomProperty("value");
	}

	public boolean isChosen(String label) {
		WebElement labelElement = this.driver.findElement(By.xpath("//label[normalize-space()=\"" + label + "\"]"));
		return this.driver.findElement(By.id(labelElement.getDomAttribute("for"))).isSelected();
	}

	public boolean hasAnswer() {
		return !this.driver.findElements(By.id("answer")).isEmpty();
	}

	private List<String> texts(By by) {
		return this.driver.findElements(by).stream().map(WebElement::getText).toList();
	}

}
