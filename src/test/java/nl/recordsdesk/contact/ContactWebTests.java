package nl.recordsdesk.contact;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.TestMail.ReceivedMail;
import nl.recordsdesk.accounts.TestStaff;
import nl.recordsdesk.accounts.WithStaffSecurityContextFactory;
import nl.recordsdesk.requests.TestRequests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The contact form on the whole application: what the visitor sees, validation, the bot
 * traps and the per-address limit; the desk's inbox, answer and closing, who may reach
 * them, the audit trail, and the retention purge.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class, TestRequests.class, TestStaff.class })
class ContactWebTests {

	static final RequestPostProcessor DESK = staff("mieke", "DESK");

	static final RequestPostProcessor PHYSICIAN = staff("dr-smit", "PHYSICIAN");

	static final RequestPostProcessor ADMIN = staff("beheer", "ADMIN");

	/**
	 * Each test writes from addresses of its own, so the per-address limit is its own.
	 */
	static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	static RequestPostProcessor staff(String username, String role) {
		return authentication(WithStaffSecurityContextFactory.authentication(
				WithStaffSecurityContextFactory.member(username, username, List.of(role), List.of()), true));
	}

	static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	static String newAddress() {
		return "198.51.100." + ADDRESSES.getAndIncrement();
	}

	static String uniqueEmail(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	FormStamp stamps;

	@Autowired
	ContactRetention retention;

	@Autowired
	JdbcTemplate jdbc;

	/** A stamp of a form shown a minute ago: filled in at a human pace. */
	String humanStamp() {
		return this.stamps.issue(Instant.now().minusSeconds(60));
	}

	MockMvcRequestBuilder post(String email, String address) {
		return post(email, address, humanStamp(), "");
	}

	MockMvcRequestBuilder post(String email, String address, String stamp, String website) {
		return this.mvc.post()
			.uri("/contact")
			.param("name", "Anna de Vries")
			.param("email", email)
			.param("topic", "REQUEST")
			.param("requestReference", "rd-2026-000042")
			.param("message", "Wanneer krijg ik de kopie?")
			.param("website", website)
			.param("stamp", stamp)
			.with(from(address))
			.with(csrf());
	}

	int storedFor(String email) {
		return this.jdbc.queryForObject("select count(*) from contact_message where sender_email = ?", Integer.class,
				email);
	}

	UUID idOf(String email) {
		return this.jdbc.queryForObject("select id from contact_message where sender_email = ?", UUID.class, email);
	}

	@Test
	void thePageShowsTheFormThePhoneAndWhatNotToWrite() {
		MvcTestResult page = this.mvc.get().uri("/contact").exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("Schrijf hier geen medische gegevens")
			.contains("(010) 703 58 27")
			.contains("van 9.00 tot 16.00 uur")
			.contains("geven wij telefonisch geen informatie over patiënten")
			.contains("name=\"stamp\"")
			.contains("name=\"_csrf\"");
		assertThat(this.mvc.get().uri("/contact").param("lang", "en")).bodyText()
			.contains("from 9:00 to 16:00")
			.contains("Do not write medical details here");
		assertThat(this.mvc.get().uri("/")).bodyText().contains("href=\"/contact\"");
	}

	@Test
	void missingAndWrongAnswersAreNamedAndEverythingTypedIsKept() {
		String address = newAddress();
		MvcTestResult result = this.mvc.post()
			.uri("/contact")
			.param("name", "Anna de Vries")
			.param("email", "anna.example.org")
			.param("requestReference", "mijn aanvraag")
			.param("message", "x".repeat(ContactForm.MAX_MESSAGE + 1))
			.param("stamp", humanStamp())
			.with(from(address))
			.with(csrf())
			.exchange();
		assertThat(result).hasStatusOk()
			.bodyText()
			.contains("Vul een e-mailadres in zoals naam@voorbeeld.nl.")
			.contains("Kies waar uw bericht over gaat.")
			.contains("Dit is geen nummer van een aanvraag.")
			.contains("Uw bericht mag hooguit 2.000 tekens lang zijn. Het is nu 2.001 tekens.")
			.contains("value=\"Anna de Vries\"")
			.contains("value=\"anna.example.org\"")
			.contains("value=\"mijn aanvraag\"");
		assertThat(this.mvc.post()
			.uri("/contact")
			.param("topic", "NONSENSE")
			.param("stamp", humanStamp())
			.with(from(address))
			.with(csrf())).bodyText()
			.contains("Vul uw naam in.")
			.contains("Vul uw e-mailadres in.")
			.contains("Kies waar uw bericht over gaat.")
			.contains("Schrijf uw bericht.");
	}

	@Test
	void aFilledInHiddenFieldIsABotThatSeesTheThankYouPageAndNothingIsStored() {
		String email = uniqueEmail("bot");
		TestMail.clear();
		assertThat(post(email, newAddress(), humanStamp(), "https://spam.example")).hasStatus3xxRedirection()
			.hasRedirectedUrl("/contact/sent");
		assertThat(storedFor(email)).isZero();
	}

	/**
	 * A stamp of a form shown "just now" however slow this machine is: dated half a
	 * minute ahead, it stays too fast for that long.
	 */
	String quickStamp() {
		return this.stamps.issue(Instant.now().plusSeconds(30));
	}

	@Test
	void aFormSentStraightAfterItWasShownIsShownAgainWithWhatWasTypedAndNothingIsStored() {
		String email = uniqueEmail("fast");
		String stamp = quickStamp();
		assertThat(this.stamps.check(stamp, Instant.now())).isEqualTo(FormStamp.Verdict.TOO_FAST);

		// Not thanked for a message that was not kept: asked to send it once more.
		MvcTestResult again = post(email, newAddress(), stamp, "").exchange();
		assertThat(again).hasStatusOk().hasViewName("contact/form");
		assertThat(again).bodyText()
			.contains("Uw bericht is nog niet verstuurd. Controleer het en klik nog een keer op Bericht versturen.")
			.contains("value=\"Anna de Vries\"")
			.contains("value=\"" + email + "\"")
			.contains("value=\"rd-2026-000042\"")
			.contains("Wanneer krijg ik de kopie?")
			.contains("value=\"" + stamp + "\"");
		assertThat(post(email, newAddress(), stamp, "").param("lang", "en")).bodyText()
			.contains("Your message has not been sent yet. Check it and select Send message once more.");
		assertThat(storedFor(email)).isZero();
	}

	@Test
	void theSameFormSentAgainAMomentLaterGoesOnce() throws Exception {
		String email = uniqueEmail("again");
		String address = newAddress();
		String stamp = stampOf(this.mvc.get().uri("/contact").exchange());
		// Sent at once and again until it goes, as a quick person would: once the 3 s
		// have passed the same form is kept.
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> "/contact/sent"
				.equals(post(email, address, stamp, "").exchange().getResponse().getRedirectedUrl()));
		assertThat(storedFor(email)).isOne();
	}

	@Test
	void aQuickFormWithMistakesGetsItsErrorsFirst() {
		MvcTestResult empty = this.mvc.post()
			.uri("/contact")
			.param("stamp", quickStamp())
			.with(from(newAddress()))
			.with(csrf())
			.exchange();
		assertThat(empty).hasStatusOk()
			.bodyText()
			.contains("Vul uw naam in.")
			.contains("Schrijf uw bericht.")
			.doesNotContain("Uw bericht is nog niet verstuurd");
	}

	@Test
	void aFormPostedWithoutAStampOfOursIsABotsAndNothingIsStored() {
		String email = uniqueEmail("nostamp");
		assertThat(post(email, newAddress(), "", "")).hasRedirectedUrl("/contact/sent");
		assertThat(post(email, newAddress(), "12.not-a-stamp", "")).hasRedirectedUrl("/contact/sent");
		assertThat(storedFor(email)).isZero();
	}

	static String stampOf(MvcTestResult page) {
		try {
			return page.getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
				.replaceAll("(?s).*name=\"stamp\" value=\"([^\"]+)\".*", "$1");
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aStampSendsOneMessage() {
		String email = uniqueEmail("anna");
		String stamp = humanStamp();
		assertThat(post(email, newAddress(), stamp, "")).hasRedirectedUrl("/contact/sent");
		// The same form again (a second click, or a bot replaying it), also from
		// elsewhere.
		assertThat(post(email, newAddress(), stamp, "")).hasRedirectedUrl("/contact/sent");
		assertThat(post(email, newAddress(), stamp, "")).hasRedirectedUrl("/contact/sent");
		assertThat(storedFor(email)).isEqualTo(1);
	}

	@Test
	void aFormOpenTooLongIsShownAgainToBeSentOnceMore() {
		String email = uniqueEmail("slow");
		String old = this.stamps.issue(Instant.now().minus(13, ChronoUnit.HOURS));
		assertThat(post(email, newAddress(), old, "")).hasStatusOk()
			.bodyText()
			.contains("Dit formulier stond te lang open.")
			.contains("Wanneer krijg ik de kopie?");
		assertThat(storedFor(email)).isZero();
	}

	@Test
	void fiveMessagesAnHourFromOneAddress() {
		String address = newAddress();
		String email = uniqueEmail("busy");
		for (int i = 0; i < 5; i++) {
			assertThat(post(email, address)).hasRedirectedUrl("/contact/sent");
		}
		assertThat(post(email, address)).hasStatusOk().bodyText().contains("al veel berichten verstuurd");
		assertThat(storedFor(email)).isEqualTo(5);
		assertThat(post(email, newAddress())).hasRedirectedUrl("/contact/sent");
	}

	@Test
	void aMessageFromThePublicPageIsAnsweredFromTheInboxAndTheAnswerReachesTheSender() {
		String email = uniqueEmail("anna");
		TestMail.clear();
		assertThat(post(email, newAddress()).param("lang", "en")).hasRedirectedUrl("/contact/sent");
		ReceivedMail confirmation = TestMail.awaitMailTo(email);
		assertThat(confirmation.subject()).isEqualTo("We have received your message");
		assertThat(confirmation.text()).doesNotContain("Anna").doesNotContain("Wanneer krijg ik");
		UUID id = idOf(email);

		assertThat(this.mvc.get().uri("/desk").with(DESK)).bodyText().containsPattern("Berichten \\(\\d+ open\\)");
		MvcTestResult inbox = this.mvc.get().uri("/desk/messages").param("order", "NEWEST").with(DESK).exchange();
		assertThat(inbox).hasStatusOk()
			.bodyText()
			.contains("data-message=\"" + id + "\"")
			.contains("Anna de Vries")
			.contains("RD-2026-000042");
		MvcTestResult page = this.mvc.get().uri("/desk/messages/" + id).with(DESK).exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains(email)
			.contains("Wanneer krijg ik de kopie?")
			.contains("Engels")
			.contains("id=\"answer-form\"");

		assertThat(this.mvc.post()
			.uri("/desk/messages/" + id + "/answer")
			.param("version", "0")
			.param("answer", "Uw kopie is volgende week klaar.")
			.with(DESK)
			.with(csrf())).hasRedirectedUrl("/desk/messages/" + id).flash().containsEntry("done", "answered");
		ReceivedMail answer = TestMail.awaitMailTo(email, (mail) -> mail.subject().equals("Answer to your message"));
		assertThat(answer.text()).contains("Dear Anna de Vries,")
			.contains("Uw kopie is volgende week klaar.")
			.contains("Wanneer krijg ik de kopie?")
			.contains("/contact");

		assertThat(this.mvc.get().uri("/desk/messages/" + id).with(DESK)).bodyText()
			.contains("Beantwoord door mieke op")
			.contains("Uw kopie is volgende week klaar.")
			.doesNotContain("id=\"answer-form\"");
		// Answered once: a second answer (a stale page, a colleague) and closing are
		// refused.
		assertThat(this.mvc.post()
			.uri("/desk/messages/" + id + "/answer")
			.param("version", "1")
			.param("answer", "Nog een antwoord.")
			.with(staff("joost", "DESK"))
			.with(csrf())).flash().containsEntry("problem", "alreadyHandled");
		assertThat(this.mvc.post()
			.uri("/desk/messages/" + id + "/close")
			.param("version", "0")
			.param("reason", "spam")
			.with(DESK)
			.with(csrf())).flash().containsEntry("problem", "alreadyHandled");
		assertThat(this.jdbc.queryForObject("select answer from contact_message where id = ?", String.class, id))
			.isEqualTo("Uw kopie is volgende week klaar.");

		assertThat(this.jdbc.queryForList("select action from audit_record where subject = ? and user_name = 'mieke'",
				String.class, id.toString()))
			.contains("CONTACT_MESSAGE_VIEWED", "CONTACT_MESSAGE_ANSWERED");
		assertThat(this.jdbc.queryForList("select action from audit_record where user_name = 'mieke'", String.class))
			.contains("CONTACT_MESSAGES_VIEWED");
	}

	@Test
	void theDeskClosesSpamWithAReasonAndAnEmptyAnswerIsRefusedKeepingThePage() {
		String email = uniqueEmail("spam");
		assertThat(post(email, newAddress())).hasRedirectedUrl("/contact/sent");
		UUID id = idOf(email);
		assertThat(this.mvc.post()
			.uri("/desk/messages/" + id + "/answer")
			.param("version", "0")
			.param("answer", " ")
			.with(DESK)
			.with(csrf())).hasStatusOk().bodyText().contains("Schrijf een antwoord.");
		assertThat(this.mvc.post()
			.uri("/desk/messages/" + id + "/close")
			.param("version", "0")
			.param("reason", "")
			.with(DESK)
			.with(csrf())).hasStatusOk().bodyText().contains("Schrijf waarom u het bericht sluit.");
		assertThat(this.mvc.post()
			.uri("/desk/messages/" + id + "/close")
			.param("version", "0")
			.param("reason", "Reclame")
			.with(DESK)
			.with(csrf())).flash().containsEntry("done", "closed");
		assertThat(this.mvc.get().uri("/desk/messages").param("show", "CLOSED").with(DESK)).bodyText()
			.contains("data-message=\"" + id + "\"");
		assertThat(this.mvc.get().uri("/desk/messages").with(DESK)).bodyText()
			.doesNotContain("data-message=\"" + id + "\"");
		assertThat(this.mvc.get().uri("/desk/messages/" + id).with(DESK)).bodyText()
			.contains("Gesloten zonder antwoord door mieke")
			.contains("Reclame");
		assertThat(this.jdbc.queryForList("select action from audit_record where subject = ?", String.class,
				id.toString()))
			.contains("CONTACT_MESSAGE_CLOSED");
	}

	@Autowired
	TestRequests requests;

	@Test
	void theDeskSeesWhetherTheSenderWritesFromTheRequestsAddress() {
		String requester = uniqueEmail("ria");
		String reference = this.requests.file("Ria Echt", requester);
		String stranger = uniqueEmail("vreemde");
		assertThat(this.mvc.post()
			.uri("/contact")
			.param("name", "Iemand Anders")
			.param("email", stranger)
			.param("topic", "REQUEST")
			.param("requestReference", reference)
			.param("message", "Hoe staat het met deze aanvraag?")
			.param("website", "")
			.param("stamp", humanStamp())
			.with(from(newAddress()))
			.with(csrf())).hasRedirectedUrl("/contact/sent");
		assertThat(this.mvc.get().uri("/desk/messages/" + idOf(stranger)).with(DESK)).bodyText()
			.contains("de afzender schrijft niet vanaf het e-mailadres van deze aanvraag");
	}

	@Test
	void onlyTheDeskReachesTheInbox() {
		String email = uniqueEmail("access");
		assertThat(post(email, newAddress())).hasRedirectedUrl("/contact/sent");
		UUID id = idOf(email);
		for (String url : List.of("/desk/messages", "/desk/messages/" + id)) {
			assertThat(this.mvc.get().uri(url)).hasStatus(302).hasRedirectedUrl("/login");
			assertThat(this.mvc.get().uri(url).with(PHYSICIAN)).hasStatus(403);
			assertThat(this.mvc.get().uri(url).with(ADMIN)).hasStatus(403);
			assertThat(this.mvc.get().uri(url).with(DESK)).hasStatusOk();
		}
		for (RequestPostProcessor who : List.of(PHYSICIAN, ADMIN)) {
			assertThat(this.mvc.post()
				.uri("/desk/messages/" + id + "/close")
				.param("version", "0")
				.param("reason", "spam")
				.with(who)
				.with(csrf())).hasStatus(403);
		}
		// Without the CSRF token neither the desk nor the public form gets through (a
		// desk page without its session goes to the login page).
		assertThat(this.mvc.post()
			.uri("/desk/messages/" + id + "/close")
			.param("version", "0")
			.param("reason", "spam")
			.with(DESK)).hasStatus(302).hasRedirectedUrl("/login?expired");
		String withoutToken = uniqueEmail("csrf");
		assertThat(this.mvc.post()
			.uri("/contact")
			.param("name", "X")
			.param("email", withoutToken)
			.param("topic", "OTHER")
			.param("message", "Hallo")
			.param("stamp", humanStamp())
			.with(from(newAddress()))).hasStatus(403);
		assertThat(storedFor(withoutToken)).isZero();
		assertThat(this.jdbc.queryForObject("select status from contact_message where id = ?", String.class, id))
			.isEqualTo("OPEN");
		assertThat(this.mvc.get().uri("/desk/messages/" + UUID.randomUUID()).with(DESK)).hasStatus(404);
	}

	@Test
	void handledMessagesAreDeletedAfterTheRetentionPeriodOpenOnesStay() {
		String oldAnswered = uniqueEmail("old-answered");
		String recentClosed = uniqueEmail("recent-closed");
		String oldOpen = uniqueEmail("old-open");
		for (String email : List.of(oldAnswered, recentClosed, oldOpen)) {
			assertThat(post(email, newAddress())).hasRedirectedUrl("/contact/sent");
		}
		Instant now = Instant.parse("2027-12-01T10:00:00Z");
		this.jdbc.update(
				"update contact_message set status = 'ANSWERED', answer = 'Antwoord', handled_by = 'mieke',"
						+ " handled_at = ? where sender_email = ?",
				java.sql.Timestamp.from(Instant.parse("2026-11-30T10:00:00Z")), oldAnswered);
		this.jdbc.update(
				"update contact_message set status = 'CLOSED', close_reason = 'spam', handled_by = 'mieke',"
						+ " handled_at = ? where sender_email = ?",
				java.sql.Timestamp.from(Instant.parse("2026-12-02T10:00:00Z")), recentClosed);
		this.jdbc.update("update contact_message set received_at = ? where sender_email = ?",
				java.sql.Timestamp.from(Instant.parse("2025-01-01T10:00:00Z")), oldOpen);

		assertThat(this.retention.purgeAsOf(now)).isGreaterThanOrEqualTo(1);
		assertThat(storedFor(oldAnswered)).isZero();
		assertThat(storedFor(recentClosed)).isEqualTo(1);
		assertThat(storedFor(oldOpen)).isEqualTo(1);
	}

}
