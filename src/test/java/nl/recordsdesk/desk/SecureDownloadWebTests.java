package nl.recordsdesk.desk;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * A secure download that ends well: the link alone does not download the copy, a code
 * mailed at that moment to the requester's own address does (once, for 10 minutes, 5
 * tries, a few codes an hour), every try audited; an expired link is told to the
 * requester (on the status page and at the download itself), the desk sees it and sends a
 * new link, the old link stops working, and the first download is the delivery, once.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class SecureDownloadWebTests {

	private static final Pattern STATUS_LINK = Pattern.compile("/status/([A-Za-z0-9_-]+)");

	/** The code in the mail, after "Uw code is:" ("Your code is:"). */
	private static final Pattern CODE = Pattern.compile("is:\\s+(\\d{6})");

	/** Codes this test class has read from mails already, to wait for the next one. */
	private static final Set<String> SEEN = new HashSet<>();

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

	/**
	 * Asks a code on the download page, as the requester's button does, and answers the
	 * code from the mail that came to {@code email} for {@code reference}.
	 */
	static String askCode(MockMvcTester mvc, String link, String email, String reference) {
		assertThat(mvc.post().uri(link + "/download/code").with(csrf())).hasStatus3xxRedirection()
			.hasRedirectedUrl(link + "/download");
		return awaitCode(email, reference);
	}

	/** The newest code mailed to {@code email} for {@code reference}, not read before. */
	static String awaitCode(String email, String reference) {
		synchronized (SEEN) {
			TestMail.ReceivedMail mail = TestMail.awaitMailTo(email,
					(m) -> m.subject().contains(reference) && m.subject().contains("code") && !SEEN.contains(code(m)));
			String code = code(mail);
			SEEN.add(code);
			return code;
		}
	}

	private static String code(TestMail.ReceivedMail mail) {
		Matcher matcher = CODE.matcher(String.valueOf(mail.text()));
		return matcher.find() ? matcher.group(1) : "";
	}

	/** The requester enters the code: the copy or the page again. */
	static MvcTestResult enter(MockMvcTester mvc, String link, String code) {
		return mvc.post().uri(link + "/download").param("code", code).with(csrf()).exchange();
	}

	List<String> audit(String reference, String action) {
		return this.jdbc.queryForList(
				"select outcome || ' ' || user_name || ' ' || coalesce(subject, '-') || ' ' || coalesce(detail, '-') "
						+ "from audit_record where request_reference = ? and action = ? order by id",
				String.class, reference, action);
	}

	@Test
	void theLinkAloneDoesNotDownload() throws Exception {
		TestRequests.Filed filed = putUp("Lina Alleen", "lina.alleen@example.org");
		String link = "/status/" + filed.statusToken();
		assertThat(this.mvc.get().uri(link)).bodyText()
			.contains("id=\"download\"")
			.contains("Om te downloaden vraagt u eerst een code");

		MvcTestResult page = this.mvc.get().uri(link + "/download").exchange();
		assertThat(page).hasStatusOk().bodyText().contains("id=\"send-code\"").contains("Stuur mij een code");
		assertThat(page.getResponse().getHeader("Content-Disposition")).isNull();
		assertThat(page.getResponse().getContentType()).startsWith("text/html");
		// A post without a code asked is refused with what to do, never the file.
		assertThat(enter(this.mvc, link, "123456")).hasStatusOk()
			.bodyText()
			.contains("Er is geen geldige code")
			.contains("id=\"send-code\"");
		assertThat(this.mvc.get().uri(link + "/download").param("lang", "en")).bodyText()
			.contains("Send me a code")
			.contains("we first send you a code by e-mail");
		assertThat(this.fixture.status(filed.reference())).isEqualTo("READY");
		assertThat(audit(filed.reference(), "DOWNLOAD_CODE_ENTERED")).containsExactly("DENIED ANONYMOUS - no-code");
		assertThat(audit(filed.reference(), "DOCUMENT_DOWNLOADED")).isEmpty();
	}

	@Test
	void aCorrectCodeDownloadsOnce() throws Exception {
		TestRequests.Filed filed = putUp("Karel Code", "karel.code@example.org");
		String reference = filed.reference();
		String link = "/status/" + filed.statusToken();
		String code = askCode(this.mvc, link, "karel.code@example.org", reference);
		assertThat(this.mvc.get().uri(link + "/download")).bodyText()
			.contains("id=\"enter-code\"")
			.contains("Code uit de e-mail")
			.contains("Stuur mij een nieuwe code");

		// Kept only as a hash, not as typed.
		assertThat(this.jdbc
			.queryForList("select code_hash from request_download_code c join request r on r.id = c.request_id "
					+ "where r.reference = ?", String.class, reference))
			.singleElement()
			.satisfies((hash) -> assertThat(hash).doesNotContain(code).hasSize(64));

		MvcTestResult download = enter(this.mvc, link, code);
		assertThat(download).hasStatusOk().hasContentType("image/png");
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
		assertThat(download.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(this.fixture.status(reference)).isEqualTo("DELIVERED");

		// The code is used up: the same code again does not download.
		MvcTestResult again = enter(this.mvc, link, code);
		assertThat(again).hasStatusOk().bodyText().contains("Een code werkt maar één keer");
		assertThat(again.getResponse().getHeader("Content-Disposition")).isNull();

		assertThat(audit(reference, "DOWNLOAD_CODE_SENT")).containsExactly("SUCCESS ANONYMOUS - -");
		assertThat(audit(reference, "DOWNLOAD_CODE_ENTERED")).containsExactly("SUCCESS ANONYMOUS - -",
				"DENIED ANONYMOUS - no-code");
		assertThat(audit(reference, "DOCUMENT_DOWNLOADED"))
			.containsExactly("SUCCESS ANONYMOUS copy requester, after the e-mailed code");
	}

	@Test
	void aCodeOpensOnlyTheRequestItWasSentFor() throws Exception {
		TestRequests.Filed mine = putUp("Ida Eigen", "ida.eigen@example.org");
		TestRequests.Filed other = putUp("Jan Ander", "jan.ander@example.org");
		String otherLink = "/status/" + other.statusToken();
		String code = askCode(this.mvc, "/status/" + mine.statusToken(), "ida.eigen@example.org", mine.reference());
		askCode(this.mvc, otherLink, "jan.ander@example.org", other.reference());
		assertThat(enter(this.mvc, otherLink, code)).hasStatusOk().bodyText().contains("Deze code klopt niet");
		assertThat(this.fixture.status(other.reference())).isEqualTo("READY");
		assertThat(enter(this.mvc, "/status/" + mine.statusToken(), code)).hasStatusOk().hasContentType("image/png");
	}

	@Test
	void theMailCarriesTheCodeToTheRequestersOwnAddress() throws Exception {
		TestRequests.Filed filed = putUp("Mira Eigen", "mira.eigen@example.org");
		String link = "/status/" + filed.statusToken();
		nl.recordsdesk.TestBrowser browser = new nl.recordsdesk.TestBrowser();
		assertThat(this.mvc.post().uri(link + "/download/code").with(browser).with(csrf()))
			.hasRedirectedUrl(link + "/download");
		TestMail.ReceivedMail mail = TestMail.awaitMailTo("mira.eigen@example.org",
				(m) -> m.subject().contains(filed.reference()) && m.subject().contains("code"));
		assertThat(mail.to()).containsExactly("mira.eigen@example.org");
		assertThat(mail.subject()).isEqualTo("Uw code om de kopie te downloaden (" + filed.reference() + ")");
		assertThat(mail.text()).contains("De code werkt 10 minuten").doesNotContain(filed.statusToken());
		assertThat(code(mail)).hasSize(6);
		synchronized (SEEN) {
			SEEN.add(code(mail));
		}
		// Right after the request, the page says a code was sent and asks for it; once.
		assertThat(this.mvc.get().uri(link + "/download").with(browser)).bodyText()
			.contains("Wij hebben u een code gestuurd per e-mail")
			.contains("id=\"enter-code\"");
		assertThat(this.mvc.get().uri(link + "/download").with(browser)).bodyText()
			.doesNotContain("id=\"code-sent\"")
			.contains("id=\"enter-code\"");
	}

	@Test
	void fiveWrongCodesEndTheCode() throws Exception {
		TestRequests.Filed filed = putUp("Wim Fout", "wim.fout@example.org");
		String reference = filed.reference();
		String link = "/status/" + filed.statusToken();
		String code = askCode(this.mvc, link, "wim.fout@example.org", reference);
		String wrong = code.equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 4; i++) {
			assertThat(enter(this.mvc, link, wrong)).hasStatusOk()
				.bodyText()
				.contains("Deze code klopt niet")
				.contains("id=\"enter-code\"");
		}
		assertThat(enter(this.mvc, link, wrong)).hasStatusOk()
			.bodyText()
			.contains("U heeft 5 keer een verkeerde code ingevuld")
			.doesNotContain("id=\"enter-code\"")
			.contains("id=\"send-code\"");
		// Now even the right code is refused: a new one is needed.
		MvcTestResult locked = enter(this.mvc, link, code);
		assertThat(locked).hasStatusOk().bodyText().contains("U heeft 5 keer een verkeerde code ingevuld");
		assertThat(locked.getResponse().getHeader("Content-Disposition")).isNull();
		assertThat(this.fixture.status(reference)).isEqualTo("READY");
		assertThat(audit(reference, "DOWNLOAD_CODE_ENTERED")).containsExactly("DENIED ANONYMOUS - wrong",
				"DENIED ANONYMOUS - wrong", "DENIED ANONYMOUS - wrong", "DENIED ANONYMOUS - wrong",
				"DENIED ANONYMOUS - too-many-tries", "DENIED ANONYMOUS - too-many-tries");

		// A new code works.
		String next = askCode(this.mvc, link, "wim.fout@example.org", reference);
		assertThat(enter(this.mvc, link, next)).hasStatusOk().hasContentType("image/png");
		assertThat(this.fixture.status(reference)).isEqualTo("DELIVERED");
	}

	@Test
	void anExpiredCodeIsRefused() throws Exception {
		TestRequests.Filed filed = putUp("Olga Oud", "olga.oud@example.org");
		String reference = filed.reference();
		String link = "/status/" + filed.statusToken();
		String code = askCode(this.mvc, link, "olga.oud@example.org", reference);
		this.jdbc.update("update request_download_code set expires_at = now() - interval '1 minute' "
				+ "where request_id = (select id from request where reference = ?)", reference);
		MvcTestResult expired = enter(this.mvc, link, code);
		assertThat(expired).hasStatusOk()
			.bodyText()
			.contains("Deze code is verlopen")
			.contains("Stuur mij een code")
			.doesNotContain("id=\"enter-code\"");
		assertThat(expired.getResponse().getHeader("Content-Disposition")).isNull();
		assertThat(this.mvc.post().uri(link + "/download").param("code", code).param("lang", "en").with(csrf()))
			.bodyText()
			.contains("This code has expired");
		assertThat(this.fixture.status(reference)).isEqualTo("READY");
		assertThat(audit(reference, "DOWNLOAD_CODE_ENTERED")).containsExactly("DENIED ANONYMOUS - expired",
				"DENIED ANONYMOUS - expired");
	}

	@Test
	void codesAreThrottledPerRequest() throws Exception {
		TestRequests.Filed filed = putUp("Bas Veel", "bas.veel@example.org");
		String reference = filed.reference();
		String link = "/status/" + filed.statusToken();
		String last = "";
		for (int i = 0; i < 5; i++) {
			last = askCode(this.mvc, link, "bas.veel@example.org", reference);
		}
		MvcTestResult refused = this.mvc.post().uri(link + "/download/code").with(csrf()).exchange();
		assertThat(refused).hasStatusOk()
			.bodyText()
			.contains("U heeft al veel codes gevraagd")
			.contains("minuten een nieuwe code vragen")
			.contains("id=\"enter-code\"");
		assertThat(audit(reference, "DOWNLOAD_CODE_SENT")).hasSize(6)
			.endsWith("DENIED ANONYMOUS - too-many-codes")
			.filteredOn((row) -> row.startsWith("SUCCESS"))
			.hasSize(5);
		// The last code mailed still works.
		assertThat(enter(this.mvc, link, last)).hasStatusOk().hasContentType("image/png");
	}

	@Test
	void withoutAnEmailAddressThePageSaysHowTheCopyComes() throws Exception {
		TestRequests.Filed filed = putUp("Piet Papier", "piet.papier@example.org");
		String reference = filed.reference();
		String link = "/status/" + filed.statusToken();
		this.jdbc.update("update request set requester_email = '' where reference = ?", reference);
		assertThat(this.mvc.get().uri(link + "/download")).hasStatusOk()
			.bodyText()
			.contains("id=\"no-email\"")
			.contains("Bij uw aanvraag staat geen e-mailadres")
			.contains("ophalen bij de balie")
			.contains("per post")
			.contains(reference)
			.doesNotContain("id=\"send-code\"");
		assertThat(this.mvc.post().uri(link + "/download/code").with(csrf())).hasStatusOk()
			.bodyText()
			.contains("id=\"no-email\"");
		assertThat(this.mvc.get().uri(link + "/download").param("lang", "en")).bodyText()
			.contains("Your request has no e-mail address");
		assertThat(audit(reference, "DOWNLOAD_CODE_SENT")).isEmpty();
		assertThat(this.fixture.status(reference)).isEqualTo("READY");
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
		String code = askCode(this.mvc, newLink, "eva.verlopen@example.org", reference);
		assertThat(enter(this.mvc, newLink, code)).hasStatusOk().hasContentType("image/png");
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
		assertThat(this.statusPage.sendDownloadCode(filed.statusToken())).isTrue();
		String code = awaitCode("tom.tegelijk@example.org", reference);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<StatusPage.CodeEntry> entries = new java.util.ArrayList<>();
		try {
			CountDownLatch start = new CountDownLatch(1);
			Callable<StatusPage.CodeEntry> download = () -> {
				start.await();
				return this.statusPage.download(filed.statusToken(), code);
			};
			List<Future<StatusPage.CodeEntry>> downloads = List.of(pool.submit(download), pool.submit(download));
			start.countDown();
			for (Future<StatusPage.CodeEntry> each : downloads) {
				entries.add(each.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		// One code, one download: the other finds it used, and no error.
		assertThat(entries).filteredOn(StatusPage.CodeEntry.Accepted.class::isInstance).hasSize(1);
		assertThat(entries).filteredOn(StatusPage.CodeEntry.Refused.class::isInstance)
			.containsExactly(new StatusPage.CodeEntry.Refused(StatusPage.Refusal.NO_CODE));
		assertThat(this.fixture.status(reference)).isEqualTo("DELIVERED");

		// A later download, with a new code, is recorded but delivers nothing again.
		assertThat(this.statusPage.sendDownloadCode(filed.statusToken())).isTrue();
		assertThat(this.statusPage.download(filed.statusToken(), awaitCode("tom.tegelijk@example.org", reference)))
			.isInstanceOf(StatusPage.CodeEntry.Accepted.class);
		assertThat(this.jdbc.queryForList(
				"select e.from_status from request_event e join request r on r.id = "
						+ "e.request_id where r.reference = ? and e.type = 'DOWNLOADED' order by e.position",
				String.class, reference))
			.containsExactly("READY", "DELIVERED");
	}

}
