package nl.recordsdesk.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A journey through the running portal in headless chromium: the whole application on a
 * random port, on the tests' PostgreSQL and mail server. Skipped, visibly, where chromium
 * is missing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("browser")
@ExtendWith(ChromiumCondition.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "server.servlet.session.cookie.secure=false", "server.port=${recordsdesk.browser-test.port}",
				"recordsdesk.portal.url=http://localhost:${recordsdesk.browser-test.port}",
				// Journeys wait for mail: send it at once. One browser posts far more
				// than a
				// visitor would; the limit has its own test.
				"recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@Import({ TestDatabase.class, TestMail.class, TestStaff.class })
public @interface BrowserTest {

}
