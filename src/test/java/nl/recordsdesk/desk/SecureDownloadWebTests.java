package nl.recordsdesk.desk;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.requests.StatusPage;
import nl.recordsdesk.requests.TestRequests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static nl.recordsdesk.desk.DeskWebTests.DESK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A secure download that ends well: an expired link is told to the requester (on the
 * status page and at the download itself), the desk sees it and sends a new link, the old
 * link stops working, and the first download is the delivery, once.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class SecureDownloadWebTests {

	private static final Pattern STATUS_LINK = Pattern.compile("/status/([A-Za-z0-9_-]+)");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestRequests fixture;

	@Autowired
	DeskService desk;

	@Autowired
	StatusPage statusPage;

	@Autowired
	JdbcTemplate jdbc;

	/** Filed, handled by anna up to the copy put up for download. */
	TestRequests.Filed putUp(String patient, String email) throws Exception {
		TestRequests.Filed filed = this.fixture.fileForDownload(patient, email);
		String reference = filed.reference();
		this.desk.claim(reference, this.fixture.version(reference), "anna");
		this.desk.verify(reference, this.fixture.version(reference), "anna");
		this.desk.approve(reference, this.fixture.version(reference), "anna");
		this.desk.recordPreparation(reference, this.fixture.version(reference), "anna", "Het hele dossier");
		assertThat(this.mvc.post()
			.uri("/desk/requests/" + reference + "/ready")
			.multipart()
			.file(new MockMultipartFile("copy", "dossier.png", "image/png", DeskWebTests.png()))
			.param("version", Long.toString(this.fixture.version(reference)))
			.with(DESK)
			.with(csrf())).flash().containsEntry("done", "ready");
		return filed;
	}

	void expire(String reference) {
		this.jdbc.update("update request set download_expires_at = now() - interval '1 hour' where reference = ?",
				reference);
	}

	@Test
	void theExpiredLinkAndItsNewLink() throws Exception {
		TestRequests.Filed filed = putUp("Eva Verlopen", "eva.verlopen@example.org");
		String reference = filed.reference();
		String oldLink = "/status/" + filed.statusToken();
		expire(reference);

		// The requester is told, on the status page and at the download itself.
		assertThat(this.mvc.get().uri(oldLink)).hasStatusOk()
			.bodyText()
			.contains("id=\"download-expired\"")
			.contains("De link om uw kopie te downloaden is verlopen")
			.contains("Vraag de balie Medische informatie om een nieuwe link")
			.doesNotContain("id=\"download\"");
		MvcTestResult expired = this.mvc.get().uri(oldLink + "/download").exchange();
		assertThat(expired).hasStatus(410).bodyText().contains("De downloadlink is verlopen").contains(reference);
		assertThat(this.mvc.get().uri(oldLink + "/download").param("lang", "en")).hasStatus(410)
			.bodyText()
			.contains("The download link has expired")
			.contains("Ask the medical records desk for a new link");
		assertThat(this.fixture.status(reference)).isEqualTo("READY");

		// The desk sees it expired, is not offered "delivered", and sends a new link.
		MvcTestResult page = this.mvc.get().uri("/desk/requests/" + reference).with(DESK).exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("id=\"download-expired\"")
			.contains("id=\"new-link\"")
			.doesNotContain("id=\"deliver\"");
		assertThat(this.mvc.post()
			.uri("/desk/requests/" + reference + "/new-link")
			.param("version", Long.toString(this.fixture.version(reference)))
			.with(DESK)
			.with(csrf())).flash().containsEntry("done", "new-link");
		assertThat(
				this.jdbc.queryForList(
						"select user_name from audit_record where request_reference = ? "
								+ "and action = 'DOWNLOAD_LINK_RENEWED' and outcome = 'SUCCESS'",
						String.class, reference))
			.containsExactly("anna");
		assertThat(this.mvc.get().uri("/desk/requests/" + reference).with(DESK)).bodyText()
			.contains("Nieuwe downloadlink gestuurd")
			.doesNotContain("id=\"download-expired\"");

		// The requester's mail has the new link; the old one is refused.
		TestMail.ReceivedMail mail = TestMail.awaitMailTo("eva.verlopen@example.org",
				(m) -> m.subject().contains("nieuwe link") && m.subject().contains(reference));
		Matcher link = STATUS_LINK.matcher(String.valueOf(mail.text()));
		assertThat(link.find()).isTrue();
		String newLink = "/status/" + link.group(1);
		assertThat(newLink).isNotEqualTo(oldLink);
		assertThat(this.mvc.get().uri(oldLink)).hasStatus(404);
		assertThat(this.mvc.get().uri(oldLink + "/download")).hasStatus(404);

		// The new link downloads, and that download is the delivery.
		assertThat(this.mvc.get().uri(newLink)).hasStatusOk().bodyText().contains("id=\"download\"");
		assertThat(this.mvc.get().uri(newLink + "/download")).hasStatusOk().hasContentType("image/png");
		assertThat(this.fixture.status(reference)).isEqualTo("DELIVERED");
		assertThat(this.mvc.get().uri(newLink)).bodyText().contains("U heeft de kopie gedownload");
	}

	@Test
	void theDeskCannotMarkADownloadDelivered() throws Exception {
		TestRequests.Filed filed = putUp("Dirk Handmatig", "dirk.handmatig@example.org");
		String reference = filed.reference();
		assertThat(this.mvc.get().uri("/desk/requests/" + reference).with(DESK)).bodyText()
			.contains("id=\"download\"")
			.contains("Als overhandigd vastgelegd wordt de kopie vanzelf")
			.doesNotContain("id=\"deliver\"");
		assertThat(this.mvc.post()
			.uri("/desk/requests/" + reference + "/deliver")
			.param("version", Long.toString(this.fixture.version(reference)))
			.with(DESK)
			.with(csrf())).flash().containsEntry("problem", "deliver");
		assertThat(this.fixture.status(reference)).isEqualTo("READY");
	}

	@Test
	void aLinkThatExpiresWithinTwoDaysIsShownWithAWarning() throws Exception {
		TestRequests.Filed filed = putUp("Sara Bijna", "sara.bijna@example.org");
		String reference = filed.reference();
		assertThat(this.mvc.get().uri("/desk/requests/" + reference).with(DESK)).bodyText()
			.contains("data-expires-soon=\"false\"")
			.contains("De downloadlink werkt tot");
		this.jdbc.update("update request set download_expires_at = now() + interval '1 day' where reference = ?",
				reference);
		assertThat(this.mvc.get().uri("/desk/requests/" + reference).with(DESK)).bodyText()
			.contains("id=\"download-expires-soon\"")
			.contains("verloopt binnen 2 dagen");
	}

	@Test
	void twoDownloadsAtOnceDeliverOnce() throws Exception {
		TestRequests.Filed filed = putUp("Tom Tegelijk", "tom.tegelijk@example.org");
		String reference = filed.reference();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			Callable<Boolean> download = () -> {
				start.await();
				return this.statusPage.download(filed.statusToken()).isPresent();
			};
			List<Future<Boolean>> downloads = List.of(pool.submit(download), pool.submit(download));
			start.countDown();
			for (Future<Boolean> each : downloads) {
				assertThat(each.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.fixture.status(reference)).isEqualTo("DELIVERED");
		assertThat(this.jdbc.queryForList(
				"select e.from_status from request_event e join request r on r.id = "
						+ "e.request_id where r.reference = ? and e.type = 'DOWNLOADED' order by e.position",
				String.class, reference))
			.containsExactly("READY", "DELIVERED");
	}

}
