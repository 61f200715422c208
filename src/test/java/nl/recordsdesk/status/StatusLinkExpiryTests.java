package nl.recordsdesk.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.recordsdesk.SuppliedClock;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.requests.TestRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The requester's link ends a set time after the request was closed (here the default, 90
 * days): after that its pages say the link has expired and how to reach the desk, without
 * anything of the request; before it, the status page works as ever. The time is the
 * portal's clock, moved on by this test.
 */
@SpringBootTest(properties = "recordsdesk.rate-limit.enabled=false")
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, StatusLinkExpiryTests.MovedClock.class })
class StatusLinkExpiryTests {

	private static final Pattern COSIGN_LINK = Pattern.compile("/cosign/([A-Za-z0-9_-]+)");

	/** How far this test has moved the portal's clock on from the real time. */
	static volatile Duration moved = Duration.ZERO;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestRequests fixture;

	@AfterEach
	void backToNow() {
		moved = Duration.ZERO;
	}

	/** Filed and withdrawn by the requester through the status page: closed now. */
	String withdrawn(String patient, String email) {
		TestRequests.Filed filed = this.fixture.fileForDownload(patient, email);
		String link = "/status/" + filed.statusToken();
		assertThat(this.mvc.post().uri(link + "/withdraw").param("confirm", "true").with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(this.fixture.status(filed.reference())).isEqualTo("WITHDRAWN");
		return link;
	}

	@Test
	void theLinkWorksUntilTheSetTimeAfterClosingThenSaysItExpired() {
		String link = withdrawn("Wanda Verloop", "wanda.verloop@example.org");

		moved = Duration.ofDays(90).minusMinutes(1);
		assertThat(this.mvc.get().uri(link)).hasStatusOk().bodyText().contains("Wanda Verloop");

		moved = Duration.ofDays(90);
		MvcTestResult expired = this.mvc.get().uri(link).exchange();
		assertThat(expired).hasStatus(410)
			.hasViewName("request/link-expired")
			.bodyText()
			.contains("Deze link is verlopen")
			.contains("90 dagen nadat de aanvraag is afgesloten")
			.contains("(010) 703 58 27")
			.contains("href=\"/contact\"")
			.doesNotContain("Wanda")
			.doesNotContain("wanda.verloop")
			.doesNotContain("RD-2");
		assertThat(this.mvc.get().uri(link).param("lang", "en")).hasStatus(410)
			.bodyText()
			.contains("This link has expired")
			.contains("90 days after the request was closed");
	}

	@Test
	void everyPageBehindTheLinkSaysItExpired() {
		String link = withdrawn("Pim Achter", "pim.achter@example.org");
		moved = Duration.ofDays(91);

		assertThat(this.mvc.get().uri(link + "/download")).hasStatus(410).hasViewName("request/link-expired");
		assertThat(this.mvc.post().uri(link + "/download/code").with(csrf())).hasStatus(410)
			.hasViewName("request/link-expired");
		assertThat(this.mvc.post().uri(link + "/download").param("code", "123456").with(csrf())).hasStatus(410)
			.hasViewName("request/link-expired");
		assertThat(this.mvc.post().uri(link + "/withdraw").param("confirm", "true").with(csrf())).hasStatus(410)
			.hasViewName("request/link-expired");
		assertThat(this.mvc.post().uri(link + "/answer").param("answer", "Nog een vraag").with(csrf())).hasStatus(410)
			.bodyText()
			.contains("Deze link is verlopen")
			.doesNotContain("Pim");
	}

	@Test
	void theClosingDateCountsNotTheFilingDate() {
		TestRequests.Filed filed = this.fixture.fileForDownload("Otto Laat", "otto.laat@example.org");
		String link = "/status/" + filed.statusToken();
		// Filed long ago, still open: an open request's link does not end.
		moved = Duration.ofDays(200);
		assertThat(this.mvc.get().uri(link)).hasStatusOk().bodyText().contains("Otto Laat");
		assertThat(this.mvc.post().uri(link + "/withdraw").param("confirm", "true").with(csrf()))
			.hasStatus3xxRedirection();

		moved = Duration.ofDays(200 + 89);
		assertThat(this.mvc.get().uri(link)).hasStatusOk().bodyText().contains("Otto Laat");
		moved = Duration.ofDays(200 + 90);
		assertThat(this.mvc.get().uri(link)).hasStatus(410).hasViewName("request/link-expired");
	}

	@Test
	void aCoSignersLinkSaysTheSameOnceTheRequestIsClosedThatLong() {
		TestRequests.Filed filed = this.fixture.fileForSecondParent("Sil Mede", "sil.ouder@example.org",
				"sil.andere.ouder@example.org");
		assertThat(this.fixture.status(filed.reference())).isEqualTo("AWAITING_SIGNATURES");
		TestMail.ReceivedMail invitation = TestMail.awaitMailTo("sil.andere.ouder@example.org",
				(mail) -> String.valueOf(mail.text()).contains("/cosign/"));
		Matcher link = COSIGN_LINK.matcher(String.valueOf(invitation.text()));
		assertThat(link.find()).isTrue();
		String cosign = "/cosign/" + link.group(1);
		assertThat(this.mvc.get().uri(cosign)).hasStatusOk();

		assertThat(this.mvc.post()
			.uri("/status/" + filed.statusToken() + "/withdraw")
			.param("confirm", "true")
			.with(csrf())).hasStatus3xxRedirection();
		// Closed, not yet that long: no longer to sign, as before.
		assertThat(this.mvc.get().uri(cosign)).hasStatus(404).hasViewName("request/link-not-found");
		moved = Duration.ofDays(90);
		assertThat(this.mvc.get().uri(cosign)).hasStatus(410)
			.hasViewName("request/link-expired")
			.bodyText()
			.doesNotContain("Sil");
	}

	@Test
	void aLinkThatNeverWorkedIsStillNotFound() {
		assertThat(this.mvc.get().uri("/status/no-such-link-at-all")).hasStatus(404)
			.hasViewName("request/link-not-found");
	}

	/** The portal's clock: the real time, moved on by {@link #moved}. */
	@TestConfiguration(proxyBeanMethods = false)
	static class MovedClock {

		@Bean
		@Primary
		Clock movedClock() {
			return SuppliedClock.of(() -> Instant.now().plus(moved));
		}

	}

}
