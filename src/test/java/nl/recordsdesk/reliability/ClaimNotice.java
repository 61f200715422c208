package nl.recordsdesk.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import nl.recordsdesk.reliability.Browser.Page;

/**
 * What a desk member is told after pressing "claim", read from the request page the claim
 * redirects to. The one place to adjust when the desk's notices change: the success
 * notice is the element {@value #DONE_ID}, the problem notice the element
 * {@value #PROBLEM_ID}, and a conflict is a problem notice with the text of
 * {@value #CONFLICT_KEY} (taken from the portal's own Dutch messages, so a reworded text
 * still matches).
 */
enum ClaimNotice {

	/** Told they have the request. */
	WON,
	/** Told someone else was first. */
	CONFLICT,
	/** Some other problem notice. */
	OTHER_PROBLEM,
	/** Neither notice: the page says nothing about the claim. */
	NONE;

	static final String DONE_ID = "done";

	static final String PROBLEM_ID = "problem";

	static final String CONFLICT_KEY = "desk.problem.conflict";

	private static final String CONFLICT_TEXT = message(CONFLICT_KEY);

	static ClaimNotice of(Page page) {
		if (page.hasId(PROBLEM_ID)) {
			String text = page.textOf(PROBLEM_ID).orElse("");
			return normalized(text).equals(CONFLICT_TEXT) ? CONFLICT : OTHER_PROBLEM;
		}
		if (page.hasId(DONE_ID)) {
			return WON;
		}
		return NONE;
	}

	private static String message(String key) {
		Properties messages = new Properties();
		try (InputStream in = ClaimNotice.class.getResourceAsStream("/i18n/desk.properties")) {
			if (in == null) {
				throw new IllegalStateException("i18n/desk.properties is not on the test classpath");
			}
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String text = messages.getProperty(key);
		if (text == null) {
			throw new IllegalStateException("No message " + key + " in i18n/desk.properties");
		}
		return normalized(text);
	}

	private static String normalized(String text) {
		return text.replaceAll("\\s+", " ").strip();
	}

}
