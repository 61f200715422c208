package nl.recordsdesk.desk;

import java.util.UUID;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.WithStaff;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.TestRequests;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * The desk makes an access-log overview from its request's page instead of writing it:
 * for the desk or the post, the PDF to print; making it is in the audit trail.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class })
@WithStaff(username = AccessLogOverviewWebTests.CLERK, roles = "DESK")
class AccessLogOverviewWebTests {

	static final String CLERK = "balie-overzicht";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestRequests requests;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theDeskDownloadsTheOverviewToPrintAndItIsRecorded() throws Exception {
		String patient = "Overzichtpatiënt " + UUID.randomUUID().toString().substring(0, 8);
		String asked = this.requests.file(RequestType.ACCESS_LOG_OVERVIEW, patient, "overzicht@example.org");

		MvcTestResult result = this.mvc.post()
			.uri("/desk/requests/" + asked + "/access-log-overview")
			.param("version", "0")
			.with(csrf())
			.exchange();
		assertThat(result).hasStatusOk().hasContentType("application/pdf");
		assertThat(result.getResponse().getHeader("Content-Disposition"))
			.contains("overzicht-inzage-" + asked + ".pdf");
		try (PDDocument document = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
			assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains(patient,
					"Overzicht van wie uw gegevens heeft ingezien");
		}
		assertThat(this.jdbc.queryForList(
				"SELECT user_name FROM audit_record WHERE request_reference = ? AND action = 'ACCESS_LOG_OVERVIEW_GENERATED'",
				String.class, asked))
			.containsExactly(CLERK);
	}

	@Test
	void anotherKindOfRequestHasNoOverview() {
		String copy = this.requests.file("Geen Overzicht " + UUID.randomUUID().toString().substring(0, 8));
		assertThat(this.mvc.post()
			.uri("/desk/requests/" + copy + "/access-log-overview")
			.param("version", "0")
			.with(csrf())
			.exchange()).hasStatus(302).hasRedirectedUrl("/desk/requests/" + copy);
	}

}
