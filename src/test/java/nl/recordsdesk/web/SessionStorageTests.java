package nl.recordsdesk.web;

import nl.recordsdesk.TestBrowser;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.convert.ConversionService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * How sessions are kept in PostgreSQL: an attribute is written when it is set, not on
 * every request that reads it; one that cannot be read any more is dropped, not an error.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class })
class SessionStorageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	/** The transaction that last wrote the session's draft (PostgreSQL's xmin). */
	String draftWrittenBy(TestBrowser browser) {
		return this.jdbc.queryForObject("""
				SELECT a.xmin::text FROM spring_session_attributes a
				  JOIN spring_session s ON s.primary_id = a.session_primary_id
				 WHERE s.session_id = ? AND a.attribute_name LIKE '%RequestDraft'
				""", String.class, browser.sessionId());
	}

	/** A visitor who answered the form's first step (its session holds the draft). */
	TestBrowser startedForm() {
		TestBrowser browser = new TestBrowser();
		assertThat(this.mvc.post()
			.uri("/request/what")
			.param("requestType", "RECORD_COPY")
			.param("recordScope", "WHOLE")
			.with(browser)
			.with(csrf())).hasRedirectedUrl("/request/patient");
		return browser;
	}

	@Test
	void theDraftIsWrittenWhenAStepChangesItNotWhenAPageShowsIt() {
		TestBrowser browser = startedForm();
		String written = draftWrittenBy(browser);
		// The timeout is server.servlet.session.timeout's 30 minutes.
		assertThat(this.jdbc.queryForObject("SELECT max_inactive_interval FROM spring_session WHERE session_id = ?",
				Integer.class, browser.sessionId()))
			.isEqualTo(30 * 60);
		assertThat(this.mvc.get().uri("/request/patient").with(browser)).hasStatusOk();
		assertThat(this.mvc.get().uri("/request/what").with(browser)).hasStatusOk();
		assertThat(draftWrittenBy(browser)).as("reading pages left the draft's row alone").isEqualTo(written);

		assertThat(this.mvc.post()
			.uri("/request/patient")
			.param("name", "Sanne Visser")
			.param("birthDate", "3-3-1980")
			.param("deceased", "false")
			.with(browser)
			.with(csrf())).hasRedirectedUrl("/request/requester");
		assertThat(draftWrittenBy(browser)).isNotEqualTo(written);
	}

	/** The transaction that last wrote the session's own row, and its last access. */
	String sessionRowWrittenBy(TestBrowser browser) {
		return this.jdbc.queryForObject(
				"SELECT xmin::text || '/' || last_access_time FROM spring_session WHERE session_id = ?", String.class,
				browser.sessionId());
	}

	@Test
	void theSessionsRowIsRewrittenWhenItChangesOrItsLastAccessIsAMinuteOld() {
		TestBrowser browser = startedForm();
		String written = sessionRowWrittenBy(browser);

		assertThat(this.mvc.get().uri("/request/patient").with(browser)).hasStatusOk();
		assertThat(this.mvc.get().uri("/request/what").with(browser)).hasStatusOk();
		assertThat(sessionRowWrittenBy(browser)).as("pages within the minute left the row alone").isEqualTo(written);

		// As if the last write were two minutes ago: the next page writes the last
		// access.
		this.jdbc.update("UPDATE spring_session SET last_access_time = last_access_time - 120000 WHERE session_id = ?",
				browser.sessionId());
		long before = this.jdbc.queryForObject("SELECT last_access_time FROM spring_session WHERE session_id = ?",
				Long.class, browser.sessionId());
		assertThat(this.mvc.get().uri("/request/patient").with(browser)).hasStatusOk();
		assertThat(this.jdbc.queryForObject("SELECT last_access_time FROM spring_session WHERE session_id = ?",
				Long.class, browser.sessionId()))
			.isGreaterThanOrEqualTo(before + 120000);
	}

	@Test
	void anAttributeThatCannotBeReadIsDropped() {
		ConversionService conversions = new SessionConfiguration().springSessionConversionService();
		byte[] written = conversions.convert("een waarde", byte[].class);
		assertThat(conversions.convert(written, Object.class)).isEqualTo("een waarde");
		// What an older release might have written for a class that changed since.
		assertThat(conversions.convert(new byte[] { (byte) 0xAC, (byte) 0xED, 0, 5, 's', 'r', 0, 9 }, Object.class))
			.isNull();
	}

}
