package nl.recordsdesk.desk;

import java.util.List;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.accounts.WithStaffSecurityContextFactory;
import nl.recordsdesk.requests.TestRequests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Without {@code recordsdesk.ehr.fhir.base-url} the request page is as it was: the copy
 * is prepared by hand, there is no "Samenstellen uit het EPD", and its pages are not
 * found. (The same configuration as the other desk tests, so it shares their context.)
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class EhrCopyWithoutEhrWebTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestRequests fixture;

	@Autowired
	TestStaff staff;

	@Autowired
	DeskService desk;

	@Test
	void theCopyIsPreparedByHandAsBefore() {
		String handler = this.staff.create("zonder-epd", "Zeno Zonder", List.of("DESK"), List.of());
		RequestPostProcessor asHandler = authentication(WithStaffSecurityContextFactory.authentication(
				WithStaffSecurityContextFactory.member(handler, "Zeno Zonder", List.of("DESK"), List.of()), true));
		String reference = this.fixture.fileForDownload("Zeno Zonder", "zeno@example.org").reference();
		this.desk.claim(reference, this.fixture.version(reference), handler);
		this.desk.verify(reference, this.fixture.version(reference), handler);
		this.desk.approve(reference, this.fixture.version(reference), handler);

		assertThat(this.mvc.get().uri("/desk/requests/" + reference).with(asHandler).exchange()).bodyText()
			.contains("id=\"prepare-form\"", "Voorbereiding vastleggen")
			.doesNotContain("id=\"ehr\"", "Samenstellen uit het EPD", "/ehr");
		assertThat(this.mvc.get().uri("/desk/requests/" + reference + "/ehr").with(asHandler).exchange())
			.hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/desk/requests/" + reference + "/ehr/compose")
			.param("version", "0")
			.param("patient", "p1")
			.param("documents", "d1")
			.with(asHandler)
			.with(csrf())
			.exchange()).hasStatus(404);
		assertThat(this.fixture.status(reference)).isEqualTo("APPROVED");
	}

	/**
	 * Without {@code recordsdesk.pacs.dicomweb.base-url} an imaging copy is as before: no
	 * "Beelden ophalen uit het PACS", its pages not found, the DVD the only way.
	 */
	@Test
	void theImagesGoOnADvdAsBefore() {
		String reference = this.fixture
			.fileImaging("Dora Zonderpacs", "dora.zonderpacs@example.org",
					nl.recordsdesk.requests.Delivery.PICKUP_RADIOLOGY)
			.reference();
		this.desk.claim(reference, this.fixture.version(reference), "anna");
		this.desk.verify(reference, this.fixture.version(reference), "anna");
		this.desk.approve(reference, this.fixture.version(reference), "anna");
		assertThat(this.mvc.get().uri("/desk/requests/" + reference).with(DeskWebTests.DESK).exchange()).bodyText()
			.contains("id=\"prepare-form\"")
			.doesNotContain("id=\"pacs\"", "PACS", "/pacs");
		assertThat(this.mvc.get().uri("/desk/requests/" + reference + "/pacs").with(DeskWebTests.DESK).exchange())
			.hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/desk/requests/" + reference + "/pacs/fetch")
			.param("version", "0")
			.param("studies", "1.2.3")
			.with(DeskWebTests.DESK)
			.with(csrf())
			.exchange()).hasStatus(404);
		assertThat(this.fixture.status(reference)).isEqualTo("APPROVED");
	}

}
