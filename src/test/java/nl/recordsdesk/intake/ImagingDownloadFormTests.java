package nl.recordsdesk.intake;

import java.util.Map;

import nl.recordsdesk.TestBrowser;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.requests.Delivery;
import nl.recordsdesk.requests.Requests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * With the hospital's PACS connected, the requester of images chooses: a free download (a
 * ZIP of DICOM files) or the DVD at radiology, its fee told. (The PACS is not asked while
 * the form is filled in: its address here leads nowhere.) Without the PACS the DVD is the
 * only way ({@link RequestFormTests}).
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false",
		"recordsdesk.pacs.dicomweb.base-url=http://127.0.0.1:9/dicom-web",
		"recordsdesk.uploads.copies-folder=${java.io.tmpdir}/recordsdesk-test-copies" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class })
class ImagingDownloadFormTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Requests requests;

	@Autowired
	TransactionTemplate transactions;

	TestBrowser session = new TestBrowser();

	@Test
	void theImagesCanBeDownloadedFreeOrCollectedOnADvd() {
		post("/request/what", Map.of("requestType", "IMAGING_COPY", "studies[0].kind", "CT", "studies[0].bodyPart",
				"Thorax", "studies[0].approximateDate", "2021", "studiesBefore2005", "false"));
		post("/request/patient", Map.of("name", "Vera Download", "birthDate", "3-3-1970", "deceased", "false"));
		post("/request/requester", RequestFormTests.requesterFields("SELF", null, "Vera Download", "vera@example.org"));
		assertThat(this.mvc.post()
			.uri("/request/documents")
			.multipart()
			.file(new MockMultipartFile("REQUESTER_ID", "id.png", "application/octet-stream", RequestFormTests.png()))
			.with(this.session)
			.with(csrf())).hasStatus3xxRedirection();

		MvcTestResult page = this.mvc.get().uri("/request/delivery").with(this.session).exchange();
		assertThat(page).bodyText()
			.contains("Hoe wilt u de beelden ontvangen?")
			.contains("Downloaden via een beveiligde link, zonder kosten")
			.contains("Op dvd, op te halen bij de balie van Radiologie")
			.contains("ZIP-bestand met DICOM-bestanden")
			.contains("De dvd kost €\u00a010,00");
		assertThat(this.mvc.get().uri("/request/delivery").param("lang", "en").with(this.session)).bodyText()
			.contains("How do you want to receive the images?")
			.contains("free of charge");

		post("/request/delivery",
				Map.of("delivery", "SECURE_DOWNLOAD", "signatureName", "Vera Download", "declaration", "true"));
		// The check page does not charge a download the DVD's fee.
		assertThat(this.mvc.get().uri("/request/check").with(this.session)).bodyText()
			.contains("Downloaden via een beveiligde link")
			.doesNotContain("De dvd kost")
			.doesNotContain("U betaalt bij het ophalen");
		String reference = RequestFormTests.send(this.mvc, this.session, "vera@example.org");
		Delivery delivery = this.transactions
			.execute((status) -> this.requests.findByReference(reference).orElseThrow().delivery());
		assertThat(delivery).isEqualTo(Delivery.SECURE_DOWNLOAD);
	}

	void post(String uri, Map<String, String> fields) {
		RequestFormTests.post(this.mvc, this.session, uri, fields);
	}

}
