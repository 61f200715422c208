package nl.recordsdesk.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The baseline: public pages open, everything else closed, headers on every answer. */
@WebMvcTest(HomeController.class)
@Import(WebSliceConfiguration.class)
class SecurityTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void theHomePageIsPublicAndCarriesTheSecurityHeaders() {
		MvcTestResult result = this.mvc.get().uri("/").exchange();
		assertThat(result).hasStatusOk()
			.hasHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY)
			.hasHeader("Referrer-Policy", "same-origin")
			.hasHeader("Permissions-Policy", SecurityConfiguration.PERMISSIONS_POLICY)
			.hasHeader("X-Content-Type-Options", "nosniff")
			.hasHeader("X-Frame-Options", "DENY");
		assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).contains("object-src 'none'", "base-uri 'none'",
				"frame-ancestors 'none'", "script-src 'self'");
	}

	/**
	 * Staff pages send an anonymous visitor to the login page (see the access matrix in
	 * {@code nl.recordsdesk.accounts}); any other URL that no feature opened is refused
	 * without advertising a login.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/requests/1", "/actuator/env", "/h2-console", "/staffroom", "/desktop", "/api/v2" })
	void everyOtherUrlIsClosed(String url) {
		assertThat(this.mvc.get().uri(url)).hasStatus(403);
		assertThat(this.mvc.post().uri(url).with(csrf())).hasStatus(403);
	}

	@Test
	void theHomePageHasNoInlineScriptOrStyle() {
		// Scripts come from files (script-src 'self'); none is written into the page.
		assertThat(this.mvc.get().uri("/")).bodyText()
			.doesNotContain("style=\"", "<style")
			.doesNotContainPattern("<script(?![^>]*\\ssrc=\"/js/)")
			.contains("<html lang=\"nl\">");
	}

}
