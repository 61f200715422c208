package nl.recordsdesk.intake;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import nl.recordsdesk.TestBrowser;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * What one visitor can make the public form do, and what the form's pages carry: uploads
 * replace the one before and a draft holds a bounded amount; codes are mailed at a pace
 * and the page says how long to wait; no CSRF token in any URL. Each test comes from
 * client addresses and mails recipients of its own, so the shared counts are its own.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false",
		"recordsdesk.requests.draft-upload-size=1MB", "recordsdesk.requests.uploads-per-address=1500KB",
		"recordsdesk.requests.codes-per-address=3", "recordsdesk.requests.codes-per-recipient=2" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class })
class RequestFormLimitsTests {

	static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	/** A URL attribute that carries the token. */
	static final Pattern TOKEN_IN_URL = Pattern.compile("(?i)\\b(action|href|src|formaction)=\"[^\"]*_csrf");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	TestBrowser browser;

	RequestPostProcessor from;

	@BeforeEach
	void newVisitor() {
		this.browser = new TestBrowser();
		this.from = from("203.0.113." + ADDRESSES.getAndIncrement());
	}

	@Test
	void anUploadForTheSameItemReplacesTheOneBefore() {
		toDocuments("SELF", "Jan Smit", unique("jan"));
		Set<UUID> before = storedFiles();
		assertThat(upload("REQUESTER_ID", "eerste.png", image(200, 7))).hasStatus3xxRedirection();
		Set<UUID> first = added(before);
		assertThat(first).hasSize(1);

		assertThat(upload("REQUESTER_ID", "tweede.png", image(200, 8))).hasStatus3xxRedirection();
		Set<UUID> second = added(before);
		assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
		assertThat(get("/request/documents")).bodyText().contains("tweede.png").doesNotContain("eerste.png");
	}

	@Test
	void aDraftHoldsAtMostItsShareAndSaysSo() {
		// A deceased patient's next of kin: an ID and a motivation.
		post("/request/what", Map.of("requestType", "RECORD_COPY", "recordScope", "WHOLE"));
		post("/request/patient",
				Map.of("name", "Gerrit Smit", "birthDate", "1-1-1940", "deceased", "true", "dateOfDeath", "3-2-2026"));
		requester("NEXT_OF_KIN", "Els Smit", unique("els"));
		Set<UUID> before = storedFiles();
		byte[] large = image(450, 1);
		assertThat(large.length).isBetween(550_000, 1_000_000);
		assertThat(upload("REQUESTER_ID", "id.png", large)).hasStatusOk();
		MvcTestResult second = upload("MOTIVATION", "motivatie.png", image(450, 2));
		assertThat(second).hasStatusOk()
			.bodyText()
			.contains("id=\"MOTIVATION-error\"", "Samen zijn uw documenten groter dan 1 MB.");
		assertThat(added(before)).hasSize(1);
		// The ID stays, and replacing it with a file of the same size is fine.
		assertThat(upload("REQUESTER_ID", "id-opnieuw.png", image(450, 3))).bodyText()
			.contains("id-opnieuw.png")
			.doesNotContain("REQUESTER_ID-error");
	}

	@Test
	void oneAddressUploadsABoundedAmountADayOnAnyDraft() {
		toDocuments("SELF", "Jan Smit", unique("jan"));
		assertThat(upload("REQUESTER_ID", "a.png", image(450, 4))).hasStatus3xxRedirection();
		assertThat(upload("REQUESTER_ID", "b.png", image(450, 5))).hasStatus3xxRedirection();
		// A new draft from the same address does not start the count again.
		this.browser = new TestBrowser();
		toDocuments("SELF", "Jan Smit", unique("jan"));
		MvcTestResult refused = upload("REQUESTER_ID", "c.png", image(450, 6));
		assertThat(refused).hasStatusOk()
			.bodyText()
			.contains("id=\"REQUESTER_ID-error\"", "Vanaf uw internetverbinding is vandaag al veel geüpload.");
	}

	@Test
	void aNewCodeIsMailedAtAPaceAndThePageSaysWhenToAsk() {
		String email = unique("piet");
		toCheck(email);
		assertThat(mailsTo(email)).isEqualTo(1);
		MvcTestResult resend = this.mvc.post()
			.uri("/request/check")
			.param("resend", "true")
			.with(this.browser)
			.with(this.from)
			.with(csrf())
			.exchange();
		assertThat(resend).hasRedirectedUrl("/request/check");
		assertThat(this.mvc.get().uri("/request/check").with(this.browser).with(this.from).exchange()).bodyText()
			.contains("U kunt over 2 minuten een nieuwe code vragen.")
			.doesNotContain("Wij hebben een nieuwe code gestuurd.");
		assertThat(mailsTo(email)).isEqualTo(1);
		// The code mailed first still works.
		MvcTestResult sent = this.mvc.post()
			.uri("/request/check")
			.param("code", RequestFormTests.code(email))
			.with(this.browser)
			.with(this.from)
			.with(csrf())
			.exchange();
		assertThat(sent).hasRedirectedUrl("/request/sent");
	}

	@Test
	void oneRecipientGetsAFewCodesAnHourWhoeverAsks() {
		String email = unique("doelwit");
		for (int visitor = 0; visitor < 2; visitor++) {
			newVisitor();
			toCheck(email);
		}
		assertThat(mailsTo(email)).isEqualTo(2);
		newVisitor();
		toCheck(email);
		assertThat(mailsTo(email)).isEqualTo(2);
		assertThat(this.mvc.get().uri("/request/check").with(this.browser).with(this.from).exchange()).bodyText()
			.containsPattern("U kunt over \\d+ minuten een nieuwe code vragen.");
	}

	@Test
	void oneAddressGetsAFewCodesMailedAnHour() {
		for (int draft = 0; draft < 3; draft++) {
			this.browser = new TestBrowser();
			toCheck(unique("klant"));
		}
		this.browser = new TestBrowser();
		String fourth = unique("klant");
		toCheck(fourth);
		assertThat(mailsTo(fourth)).isZero();
		assertThat(this.mvc.get().uri("/request/check").with(this.browser).with(this.from).exchange()).bodyText()
			.containsPattern("U kunt over \\d+ minuten een nieuwe code vragen.");
	}

	@Test
	void noPageOfTheFormCarriesTheCsrfTokenInAUrl() {
		String email = unique("mila");
		post("/request/what", Map.of("requestType", "RECORD_COPY", "recordScope", "WHOLE"));
		post("/request/patient", Map.of("name", "Mila de Boer", "birthDate", "5-6-1990", "ivfTreatment", "true"));
		requester("SELF", "Mila de Boer", email);
		MvcTestResult documents = get("/request/documents");
		assertThat(documents).bodyText().contains("enctype=\"multipart/form-data\"");
		assertNoTokenInUrls(documents);
		assertThat(documents).bodyText().containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"");
		assertThat(upload("REQUESTER_ID", "id.png", image(40, 1))).hasStatus3xxRedirection();
		post("/request/cosigners", Map.of("rows[0].item", "PARTNER_SIGNATURE", "rows[0].name", "Noor de Boer",
				"rows[0].email", unique("noor")));
		post("/request/delivery",
				Map.of("delivery", "SECURE_DOWNLOAD", "signatureName", "Mila de Boer", "declaration", "true"));
		for (String page : new String[] { "/", "/checker", "/contact", "/request/what", "/request/patient",
				"/request/requester", "/request/cosigners", "/request/delivery", "/request/check", "/recording",
				"/recording/announce", "/recording/publish", "/login" }) {
			MvcTestResult result = get(page);
			assertThat(result).as(page).hasStatusOk();
			assertNoTokenInUrls(result);
		}
		MvcTestResult sent = this.mvc.post()
			.uri("/request/check")
			.param("code", RequestFormTests.code(email))
			.with(this.browser)
			.with(this.from)
			.with(csrf())
			.exchange();
		assertThat(sent).hasRedirectedUrl("/request/sent");
		Matcher status = RequestFormTests.LINK.matcher(
				TestMail.awaitMailTo(email, (mail) -> mail.text() != null && mail.text().contains("/status/")).text());
		assertThat(status.find()).isTrue();
		MvcTestResult statusPage = get("/status/" + status.group(2));
		assertThat(statusPage).hasStatusOk();
		assertNoTokenInUrls(statusPage);
	}

	static void assertNoTokenInUrls(MvcTestResult page) {
		String html;
		try {
			html = page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(TOKEN_IN_URL.matcher(html).find())
			.as("a URL with the CSRF token in %s", page.getRequest().getRequestURI())
			.isFalse();
	}

	// The steps, as a visitor fills them in.

	void toDocuments(String relation, String name, String email) {
		post("/request/what", Map.of("requestType", "RECORD_COPY", "recordScope", "WHOLE"));
		post("/request/patient", Map.of("name", name, "birthDate", "4-4-1960", "deceased", "false"));
		requester(relation, name, email);
	}

	void toCheck(String email) {
		toDocuments("SELF", "Piet Jansen", email);
		assertThat(upload("REQUESTER_ID", "id.png", image(40, 1))).hasStatus3xxRedirection();
		post("/request/delivery", Map.of("delivery", "POST", "signatureName", "Piet Jansen", "declaration", "true"));
	}

	void requester(String relation, String name, String email) {
		post("/request/requester", RequestFormTests.requesterFields(relation, null, name, email));
	}

	MvcTestResult upload(String item, String name, byte[] content) {
		return this.mvc.post()
			.uri("/request/documents")
			.multipart()
			.file(new MockMultipartFile(item, name, "image/png", content))
			.with(this.browser)
			.with(this.from)
			.with(csrf())
			.exchange();
	}

	void post(String uri, Map<String, String> fields) {
		LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		fields.forEach(params::add);
		MvcTestResult result = this.mvc.post()
			.uri(uri)
			.params(params)
			.with(this.browser)
			.with(this.from)
			.with(csrf())
			.exchange();
		assertThat(result).as("%s answered", uri).hasStatus3xxRedirection();
	}

	MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).with(this.browser).with(this.from).exchange();
	}

	Set<UUID> storedFiles() {
		return new HashSet<>(this.jdbc.queryForList("select id from stored_file", UUID.class));
	}

	Set<UUID> added(Set<UUID> before) {
		Set<UUID> now = storedFiles();
		now.removeAll(before);
		return now;
	}

	/** Codes queued for the address: the outbox is written before the page answers. */
	int mailsTo(String email) {
		return this.jdbc.queryForObject("select count(*) from mail_outbox where recipient = ?", Integer.class, email);
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** A PNG of noise, which does not compress: about 3 bytes a pixel. */
	static byte[] image(int side, long seed) {
		Random random = new Random(seed);
		BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < side; x++) {
			for (int y = 0; y < side; y++) {
				image.setRGB(x, y, random.nextInt(0x1000000));
			}
		}
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
