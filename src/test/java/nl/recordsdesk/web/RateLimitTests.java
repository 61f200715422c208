package nl.recordsdesk.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Posts from one address are limited; reading pages is not. */
@WebMvcTest(HomeController.class)
@Import(WebSliceConfiguration.class)
@TestPropertySource(properties = { "recordsdesk.rate-limit.capacity=3", "recordsdesk.rate-limit.refill-period=1h" })
class RateLimitTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void aBurstOfPostsIsCutOffWithRetryAfter() {
		for (int i = 0; i < 3; i++) {
			assertThat(statusOfPostFrom("192.0.2.1")).isNotEqualTo(429);
		}
		assertThat(this.mvc.post()
			.uri("/api/v1/eligibility")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.with(from("192.0.2.1"))).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader("Retry-After", "1200");
		// Another address still gets through, and pages can still be read.
		assertThat(statusOfPostFrom("192.0.2.2")).isNotEqualTo(429);
		assertThat(this.mvc.get().uri("/").with(from("192.0.2.1"))).hasStatusOk();
	}

	@Test
	void theContactFormsPostsCountToo() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.mvc.post()
				.uri("/contact")
				.with(csrf())
				.with(from("192.0.2.3"))
				.exchange()
				.getResponse()
				.getStatus()).isNotEqualTo(429);
		}
		assertThat(this.mvc.post().uri("/contact").with(csrf()).with(from("192.0.2.3")))
			.hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.hasHeader("Retry-After", "1200");
	}

	int statusOfPostFrom(String address) {
		return this.mvc.post().uri("/checker").with(csrf()).with(from(address)).exchange().getResponse().getStatus();
	}

	static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
