package nl.recordsdesk.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core run in the page as it stands, against WCAG 2.1 A and AA: the same check people
 * run with the browser extension, on each state a journey reaches.
 */
public final class Axe {

	private static final String SCRIPT = load();

	private Axe() {
	}

	/** Fails with each violation's rule, impact and the elements it was found on. */
	@SuppressWarnings("unchecked")
	public static void assertNoViolations(WebDriver driver, String state) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		js.executeScript(SCRIPT);
		List<String> violations = (List<String>) js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
				  .then((result) => done(result.violations.map((v) => v.id + ' (' + v.impact + '): '
				      + v.nodes.map((n) => n.target.join(' ')).join(', '))))
				  .catch((error) => done(['axe failed: ' + error]));""");
		assertThat(violations).as("axe-core on %s", state).isEmpty();
	}

	private static String load() {
		try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js is not on the test class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
