package nl.recordsdesk.web;

import nl.recordsdesk.TestBrowser;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A form posted after its session expired (or from a browser that sends no cookie) is
 * told what happened, in the visitor's language, instead of "no access": nothing was
 * sent, and what was entered before was not kept.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class })
class ExpiredSessionTests {

	static final String NO_ACCESS = "U heeft geen toegang tot deze pagina";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	/** What the expiry does to a session after 30 minutes without a request. */
	void expire(TestBrowser browser) {
		assertThat(this.jdbc.update("DELETE FROM spring_session WHERE session_id = ?", browser.sessionId())).isOne();
	}

	/**
	 * The refused post is forwarded to the page that explains it (status 403); MockMvc
	 * does not follow forwards, so the page is rendered here with what the forward
	 * carries ({@code SessionsAcrossInstancesTests} sees it over HTTP, forward and all).
	 */
	MvcTestResult shown(MvcTestResult refused, String... languageParam) {
		assertThat(refused).hasStatus(403).hasForwardedUrl(RefusedPosts.PAGE);
		var page = this.mvc.post()
			.uri(RefusedPosts.PAGE)
			.requestAttr(RefusedPosts.SESSION_GONE, refused.getRequest().getAttribute(RefusedPosts.SESSION_GONE))
			.requestAttr(RefusedPosts.RESTART, refused.getRequest().getAttribute(RefusedPosts.RESTART))
			.with(csrf());
		if (languageParam.length > 0) {
			page = page.param("lang", languageParam[0]);
		}
		return page.exchange();
	}

	TestBrowser requesterAtTheSecondStep() {
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
	void theNextStepAfterTheSessionExpiredSaysSoAndHowToGoOn() {
		TestBrowser browser = requesterAtTheSecondStep();
		expire(browser);
		// The form's token belonged to the session that is gone.
		assertThat(shown(this.mvc.post()
			.uri("/request/patient")
			.param("_csrf", "the-token-of-the-expired-session")
			.param("name", "Sanne Visser")
			.param("birthDate", "3-3-1980")
			.param("deceased", "false")
			.with(browser)
			.exchange())).hasStatusOk()
			.bodyText()
			.contains("<h1>Uw sessie is verlopen</h1>", "Na 30 minuten zonder activiteit",
					"wat u eerder had ingevuld is niet bewaard", "href=\"/request\"")
			.doesNotContain(NO_ACCESS, "Sanne Visser");
		// Starting again starts a new form.
		assertThat(this.mvc.get().uri("/request").with(browser)).hasRedirectedUrl("/request/what");
	}

	@Test
	void inEnglishForAnEnglishVisitor() {
		TestBrowser browser = requesterAtTheSecondStep();
		expire(browser);
		assertThat(shown(this.mvc.post()
			.uri("/request/patient")
			.param("lang", "en")
			.param("_csrf", "the-token-of-the-expired-session")
			.with(browser)
			.exchange(), "en")).hasStatusOk()
			.bodyText()
			.contains("<h1>Your session has expired</h1>", "what you entered before was not kept")
			.doesNotContain("You do not have access to this page");
	}

	@Test
	void aFormFromABrowserWithoutOurCookieIsToldTheSame() {
		assertThat(shown(this.mvc.post()
			.uri("/contact")
			.header("Referer", "http://localhost/contact")
			.param("name", "X")
			.param("message", "Hallo")
			.exchange())).bodyText()
			.contains("<h1>Uw sessie is verlopen</h1>", "href=\"/contact\"")
			.doesNotContain(NO_ACCESS);
	}

	@Test
	void aFormOfAnEarlierSessionInALiveOneIsAStalePageNotNoAccess() {
		TestBrowser browser = new TestBrowser();
		assertThat(this.mvc.get().uri("/contact").with(browser)).hasStatusOk();
		assertThat(browser.sessionId()).isNotNull();
		assertThat(shown(this.mvc.post()
			.uri("/contact")
			.header("Referer", "http://localhost/contact")
			.param("_csrf", "a-token-from-another-window")
			.param("name", "X")
			.with(browser)
			.exchange())).bodyText()
			.contains("<h1>Deze pagina is verlopen</h1>", "Er is niets mee gedaan.", "href=\"/contact\"")
			.doesNotContain(NO_ACCESS);
	}

	@Test
	void aLinkBackIsAPathOnThisSiteOnly() {
		assertThat(shown(this.mvc.post().uri("/contact").header("Referer", "https://elders.example//kwaad").exchange()))
			.bodyText()
			.contains("id=\"session-restart\" href=\"/\"");
	}

}
