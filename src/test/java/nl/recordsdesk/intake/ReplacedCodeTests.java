package nl.recordsdesk.intake;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;

import nl.recordsdesk.TestBrowser;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.TestMail.ReceivedMail;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The check page after a second code was asked for: the code of the first mail is told to
 * be an earlier one, not just wrong. A new code may be asked at once here (the wait
 * between two codes has its own test in {@code RequestFormLimitsTests}).
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false",
		"recordsdesk.requests.code-resend-wait=0s" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class })
class ReplacedCodeTests {

	@Autowired
	MockMvcTester mvc;

	final TestBrowser session = new TestBrowser();

	@Test
	void aCodeFromTheFirstMailSaysANewerOneWasSentAndTheNewestSends() {
		String email = "oude-code-" + UUID.randomUUID() + "@example.org";
		post("/request/what", Map.of("requestType", "RECORD_COPY", "recordScope", "WHOLE"));
		post("/request/patient", Map.of("name", "Piet Tweemaal", "birthDate", "4-4-1960", "deceased", "false"));
		post("/request/requester", RequestFormTests.requesterFields("SELF", null, "Piet Tweemaal", email));
		assertThat(this.mvc.post()
			.uri("/request/documents")
			.multipart()
			.file(new MockMultipartFile("REQUESTER_ID", "id.png", "image/png", RequestFormTests.png()))
			.with(this.session)
			.with(csrf())).hasStatus3xxRedirection();
		post("/request/delivery", Map.of("delivery", "POST", "signatureName", "Piet Tweemaal", "declaration", "true"));
		assertThat(this.mvc.post().uri("/request/check").param("resend", "true").with(this.session).with(csrf()))
			.hasRedirectedUrl("/request/check");
		List<String> codes = await().atMost(TestMail.TIMEOUT).until(() -> codesTo(email), (sent) -> sent.size() == 2);
		String first = codes.get(0);
		String newest = codes.get(1);
		assumeThat(first).as("two codes that differ").isNotEqualTo(newest);

		assertThat(send(first)).hasStatusOk()
			.bodyText()
			.contains("Dit is een eerdere code. Daarna hebben wij u een nieuwe code gestuurd: "
					+ "vul de code uit de nieuwste e-mail in.")
			.doesNotContain("Deze code klopt niet.");
		String wrong = (first.equals("000000") || newest.equals("000000")) ? "000001" : "000000";
		assertThat(send(wrong)).hasStatusOk().bodyText().contains("Deze code klopt niet.");
		assertThat(send(newest)).hasRedirectedUrl("/request/sent");
	}

	/** The codes mailed to the address, oldest first. */
	static List<String> codesTo(String email) {
		return TestMail.receivedBy(email)
			.stream()
			.filter((mail) -> mail.subject().contains("code") && mail.text() != null)
			.map(ReceivedMail::text)
			.map(RequestFormTests.CODE::matcher)
			.filter(Matcher::find)
			.map((matcher) -> matcher.group(1))
			.toList();
	}

	MvcTestResult send(String code) {
		return this.mvc.post().uri("/request/check").param("code", code).with(this.session).with(csrf()).exchange();
	}

	void post(String uri, Map<String, String> fields) {
		RequestFormTests.post(this.mvc, this.session, uri, fields);
	}

}
