package nl.recordsdesk.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.servlet.http.Part;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockPart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSRF token never sits in a URL (where access logs, proxies and the Referer header
 * would carry it): no template puts it in a link or a form's action; multipart forms
 * carry it as a hidden field like every other form. The rendered pages are checked in
 * {@code RequestFormLimitsTests}.
 */
class CsrfTokenOutOfUrlsTests {

	/** A URL expression or a URL attribute that names the token. */
	private static final Pattern TOKEN_IN_URL = Pattern
		.compile("(@\\{[^}]*_csrf|\\b(th:)?(action|href|src|formaction)\\s*=\\s*\"[^\"]*_csrf)");

	@Test
	void noTemplatePutsTheTokenInAUrl() throws IOException {
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			List<Path> html = templates.filter((path) -> path.toString().endsWith(".html")).toList();
			assertThat(html).hasSizeGreaterThan(20);
			for (Path template : html) {
				Matcher matcher = TOKEN_IN_URL.matcher(Files.readString(template));
				assertThat(matcher.find()).as("%s puts the CSRF token in a URL", template).isFalse();
			}
		}
	}

	@Test
	void onlyAMultipartBodyTooLargeToReadIsLeftToTheUploadMessage() {
		assertThat(SecurityConfiguration.uploadTooLargeToRead(multipart(new IllegalStateException(
				"org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException: The field REQUESTER_ID exceeds its maximum permitted size of 11534336 bytes."))))
			.isTrue();
		// Unreadable for another reason: the token is checked (and missing).
		assertThat(SecurityConfiguration
			.uploadTooLargeToRead(multipart(new IllegalStateException("Header section has more than 10 fields"))))
			.isFalse();
		// Readable: the token in the body is checked.
		assertThat(SecurityConfiguration.uploadTooLargeToRead(multipart(null))).isFalse();
		MockHttpServletRequest form = new MockHttpServletRequest("POST", "/contact");
		form.setContentType("application/x-www-form-urlencoded");
		assertThat(SecurityConfiguration.uploadTooLargeToRead(form)).isFalse();
	}

	private static MockHttpServletRequest multipart(IllegalStateException failure) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/request/documents") {

			@Override
			public java.util.Collection<Part> getParts() {
				if (failure != null) {
					throw failure;
				}
				return List.of(new MockPart("_csrf", "token".getBytes()));
			}

		};
		request.setContentType("multipart/form-data; boundary=x");
		return request;
	}

}
