package nl.recordsdesk.intake;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import nl.recordsdesk.TestBrowser;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.TestMail.ReceivedMail;
import nl.recordsdesk.eligibility.Outcome;
import nl.recordsdesk.requests.CoSignInvitation;
import nl.recordsdesk.requests.Request;
import nl.recordsdesk.requests.RequestStatus;
import nl.recordsdesk.requests.RequestFiling;
import nl.recordsdesk.requests.Requests;
import nl.recordsdesk.requests.SignerRole;
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
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The request form on the whole application: what each kind of requester files, what is
 * refused, and that nothing is stored or lost where it should not be.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class })
class RequestFormTests {

	static final Pattern CODE = Pattern.compile("(?<![-\\d])(\\d{6})(?!\\d)");

	static final Pattern LINK = Pattern.compile("https?://\\S+/(status|cosign)/([A-Za-z0-9_-]+)");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Requests requests;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	TestBrowser session;

	@BeforeEach
	void newVisitor() {
		this.session = new TestBrowser();
		TestMail.clear();
	}

	@Test
	void anImagingCopyWithAStudyFromBefore2005() {
		post("/request/what", Map.of("requestType", "IMAGING_COPY", "studies[0].kind", "Röntgenfoto",
				"studies[0].bodyPart", "Pols", "studies[0].approximateDate", "2003", "studiesBefore2005", "true"));
		patient("Jan Smit", "4-4-1960", false);
		requester("SELF", null, "Jan Smit", "jan@example.org");
		upload("REQUESTER_ID", png());
		assertThat(get("/request/delivery")).bodyText()
			.contains("Ophalen bij de balie van Radiologie")
			.contains("De dvd kost €\u00a010,00. U betaalt bij het ophalen, alleen met pin.");
		delivery("PICKUP_RADIOLOGY", "Jan Smit");
		String reference = send("jan@example.org");

		Request request = request(reference);
		assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
		assertThat(request.studiesBefore2005()).isTrue();
		assertThat(request.notices()).extracting(Enum::name)
			.containsExactly("CALL_RADIOLOGY_FIRST", "DVD_FEE_PIN_ONLY", "SHOW_ID_AT_PICKUP");
		assertThat(request.studies()).singleElement()
			.satisfies((study) -> assertThat(study.bodyPart()).isEqualTo("Pols"));

		// The call to radiology is asked on the sent page, in the mail and on the status
		// page too, not only before sending.
		String callFirst = "Gaat het om een onderzoek van voor 2005? Bel dan eerst de afdeling Radiologie: (010) 704 20 06.";
		assertThat(get("/request/sent")).bodyText().contains(reference).contains(callFirst);
		ReceivedMail received = TestMail.awaitMailTo("jan@example.org", (mail) -> mail.subject().contains(reference));
		assertThat(received.text()).contains(callFirst);
		assertThat(received.html()).contains(callFirst);
		assertThat(get("/status/" + statusToken(received))).bodyText().contains(callFirst);
	}

	@Test
	void aRecordCopyDoesNotSendTheRequesterToRadiology() {
		wholeRecord();
		patient("Lies Smit", "4-4-1961", false);
		requester("SELF", null, "Lies Smit", "lies@example.org");
		upload("REQUESTER_ID", png());
		delivery("POST", "Lies Smit");
		String reference = send("lies@example.org");
		assertThat(get("/request/sent")).bodyText().contains(reference).doesNotContain("Radiologie");
		ReceivedMail received = TestMail.awaitMailTo("lies@example.org", (mail) -> mail.subject().contains(reference));
		assertThat(received.text()).doesNotContain("Radiologie");
		assertThat(get("/status/" + statusToken(received))).bodyText().doesNotContain("Bel dan eerst");
	}

	@Test
	void nextOfKinAskForADeceasedPatientsRecordWithAWrittenMotivation() {
		wholeRecord();
		post("/request/patient",
				Map.of("name", "Gerrit Smit", "birthDate", "1-1-1940", "deceased", "true", "dateOfDeath", "3-2-2026"));
		assertThat(get("/request/requester")).bodyText()
			.doesNotContain("Ik ben de patiënt")
			.contains("Ik ben familielid of erfgenaam van een overleden patiënt");
		requester("NEXT_OF_KIN", null, "Els Smit", "els@example.org");
		MvcTestResult documents = this.mvc.post()
			.uri("/request/documents")
			.multipart()
			.file(new MockMultipartFile("REQUESTER_ID", "id.png", "image/png", png()))
			.param("motivationText", "Mijn vader had een erfelijke hartziekte; ik wil weten of ik risico loop.")
			.with(this.session)
			.with(csrf())
			.exchange();
		assertThat(documents).hasRedirectedUrl("/request/cosigners");
		delivery("PICKUP_DESK", "Els Smit");
		String reference = send("els@example.org");

		Request request = request(reference);
		assertThat(request.outcome()).isEqualTo(Outcome.PHYSICIAN_REVIEW);
		assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
		assertThat(request.motivation()).startsWith("Mijn vader");
		assertThat(request.patient().dateOfDeath()).isEqualTo(LocalDate.of(2026, 2, 3));

		// The status page says who decides and what that does to the term.
		ReceivedMail received = TestMail.awaitMailTo("els@example.org", (mail) -> mail.subject().contains(reference));
		assertThat(get("/status/" + statusToken(received))).bodyText()
			.contains("Een arts beslist")
			.contains("De patiënt is overleden. Of u de gegevens krijgt, beslist daarom een arts, niet de balie.")
			.contains("Ook met de beslissing van de arts krijgt u uiterlijk "
					+ java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.forLanguageTag("nl"))
						.format(request.dueDate())
					+ " antwoord.");
	}

	@Test
	void anIvfRecordInvitesThePartner() {
		wholeRecord();
		post("/request/patient", Map.of("name", "Mila de Boer", "birthDate", "5-6-1990", "ivfTreatment", "true"));
		requester("SELF", null, "Mila de Boer", "mila@example.org");
		upload("REQUESTER_ID", png());
		assertThat(get("/request/cosigners")).bodyText().contains("Uw partner bij de IVF/ICSI-behandeling");
		post("/request/cosigners", Map.of("rows[0].item", "PARTNER_SIGNATURE", "rows[0].name", "Noor de Boer",
				"rows[0].email", "noor@example.org"));
		delivery("SECURE_DOWNLOAD", "Mila de Boer");
		String reference = send("mila@example.org");

		Request request = request(reference);
		assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_SIGNATURES);
		assertThat(request.notices()).extracting(Enum::name).containsExactly("NO_EXPEDITED_DESK_HANDLING");
		assertThat(request.invitations()).singleElement().satisfies((invitation) -> {
			assertThat(invitation.role()).isEqualTo(SignerRole.PARTNER);
			assertThat(invitation.status()).isEqualTo(CoSignInvitation.Status.PENDING);
		});
		ReceivedMail invitation = TestMail.awaitMailTo("noor@example.org");
		assertThat(invitation.subject()).isEqualTo("Mila de Boer vraagt u mee te tekenen");
		assertThat(invitation.text()).contains("IVF/ICSI").containsPattern(LINK);
	}

	@Test
	void aPartnerWhoDeclinesIsNamedOnTheStatusPageAndInvitedAgainAtACorrectedAddress() {
		wholeRecord();
		post("/request/patient", Map.of("name", "Fenna Kok", "birthDate", "5-6-1991", "ivfTreatment", "true"));
		requester("SELF", null, "Fenna Kok", "fenna@example.org");
		upload("REQUESTER_ID", png());
		post("/request/cosigners", Map.of("rows[0].item", "PARTNER_SIGNATURE", "rows[0].name", "Joris Kok",
				"rows[0].email", "joris@example.org"));
		delivery("SECURE_DOWNLOAD", "Fenna Kok");
		String reference = send("fenna@example.org");
		String status = "/status/"
				+ statusToken(TestMail.awaitMailTo("fenna@example.org", (mail) -> mail.subject().contains(reference)));
		String firstLink = cosignPath(TestMail.awaitMailTo("joris@example.org"));

		this.mvc.post().uri(firstLink + "/decline").param("reason", "Niet nu.").with(csrf()).exchange();
		assertThat(TestMail
			.awaitMailTo("fenna@example.org",
					(mail) -> mail.subject().contains(reference) && mail != null && mail.text() != null
							&& mail.text().contains("Joris Kok"))
			.text()).contains("Joris Kok");
		assertThat(get(status)).hasStatusOk()
			.bodyText()
			.contains("Iemand wil niet meetekenen")
			.contains("Joris Kok heeft geweigerd mee te tekenen.")
			.contains("Nieuwe link sturen aan Joris Kok")
			.doesNotContain("Wij wachten op handtekeningen");

		// A mistyped address is refused on its field, and what was typed stays.
		MvcTestResult refused = this.mvc.post()
			.uri(status + "/reinvite")
			.param("item", "PARTNER_SIGNATURE")
			.param("email", "joris.kok@example")
			.with(csrf())
			.exchange();
		assertThat(refused).hasStatusOk()
			.bodyText()
			.contains("id=\"error-summary\"")
			.contains("value=\"joris.kok@example\"")
			.contains("aria-invalid=\"true\"")
			.contains("aria-describedby=\"email-PARTNER_SIGNATURE-hint email-PARTNER_SIGNATURE-error\"");
		assertThat(request(reference).invitations()).singleElement()
			.satisfies((invitation) -> assertThat(invitation.status()).isEqualTo(CoSignInvitation.Status.DECLINED));

		MvcTestResult invited = this.mvc.post()
			.uri(status + "/reinvite")
			.param("item", "PARTNER_SIGNATURE")
			.param("email", "joris.kok@example.org")
			.with(csrf())
			.exchange();
		assertThat(invited).hasRedirectedUrl(status);
		String newLink = cosignPath(TestMail.awaitMailTo("joris.kok@example.org"));
		assertThat(newLink).isNotEqualTo(firstLink);
		assertThat(get(status)).bodyText()
			.contains("U heeft iemand die meetekent een nieuwe link gestuurd")
			.contains("Wij wachten op handtekeningen");

		// The old link says it was replaced; the new one signs, and the request is
		// complete.
		assertThat(get(firstLink)).hasStatus(410).bodyText().contains("Deze link is vervangen");
		assertThat(this.mvc.post()
			.uri(firstLink)
			.param("signatureName", "Joris Kok")
			.param("declaration", "true")
			.with(csrf())
			.exchange()).hasStatus(410);
		assertThat(get(newLink)).hasStatusOk().bodyText().contains("Joris Kok");
		assertThat(this.mvc.post()
			.uri(newLink)
			.multipart()
			.file(new MockMultipartFile("idCopy", "id-joris.png", "image/png", png()))
			.param("signatureName", "Joris Kok")
			.param("declaration", "true")
			.with(csrf())
			.exchange()).hasStatusOk().bodyText().contains("data-outcome=\"signed\"");
		Request request = request(reference);
		assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
		assertThat(request.invitations()).extracting(CoSignInvitation::email, CoSignInvitation::status)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("joris@example.org", CoSignInvitation.Status.REVOKED),
					org.assertj.core.groups.Tuple.tuple("joris.kok@example.org", CoSignInvitation.Status.SIGNED));
	}

	static String cosignPath(ReceivedMail mail) {
		Matcher link = LINK.matcher(mail.text());
		while (link.find()) {
			if (link.group(1).equals("cosign")) {
				return "/cosign/" + link.group(2);
			}
		}
		throw new AssertionError("No co-sign link in: " + mail.text());
	}

	@Test
	void aDrawnSignatureKeptAfterAnErrorIsSaidToBeKept() {
		wholeRecord();
		patient("Eva Bos", "2-2-1972", false);
		requester("SELF", null, "Eva Bos", "eva@example.org");
		upload("REQUESTER_ID", png());
		String drawn = "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png());
		MvcTestResult refused = this.mvc.post()
			.uri("/request/delivery")
			.param("delivery", "POST")
			.param("signatureName", "Eva Bos")
			.param("drawnSignature", drawn)
			.with(this.session)
			.with(csrf())
			.exchange();
		assertThat(refused).hasStatusOk()
			.bodyText()
			.contains("Bevestig de verklaring")
			.contains("Uw getekende handtekening is bewaard; u hoeft niet opnieuw te tekenen.")
			.contains(drawn)
			// Without script the pad stays hidden: the hint beside the name does not say
			// to draw.
			.contains("Vul uw volledige naam in en bevestig de verklaring: dat geldt als uw handtekening.");
	}

	@Test
	void aParentWithoutAuthorityIsToldWhyAndNothingIsStored() {
		wholeRecord();
		patient("Lotte Visser", "1-9-2016", false);
		MvcTestResult refused = this.mvc.post()
			.uri("/request/requester")
			.params(params(requesterFields("PARENT", "NONE", "Bas Visser", "bas.zonder.gezag@example.org")))
			.with(this.session)
			.with(csrf())
			.exchange();
		assertThat(refused).hasStatusOk().hasViewName("request/not-entitled");
		assertThat(refused).bodyText()
			.contains("U kunt dit niet aanvragen")
			.contains("artikel 1:377c")
			.contains("Wij hebben niets van uw aanvraag opgeslagen");
		assertThat(get("/request/documents")).hasRedirectedUrl("/request/requester");
		// Nothing for this parent: no request, no mail queued (so none will come) and
		// none
		// arrived. Other tests' mail may arrive meanwhile; it is not looked at.
		assertThat(this.jdbc.queryForObject("select count(*) from request where requester_email = ?", Integer.class,
				"bas.zonder.gezag@example.org"))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from mail_outbox where recipient = ?", Integer.class,
				"bas.zonder.gezag@example.org"))
			.isZero();
		assertThat(TestMail.receivedBy("bas.zonder.gezag@example.org")).isEmpty();
	}

	@Test
	void aProgramDisguisedAsPdfAndAnOversizedFileAreRefusedOnTheSameStep() {
		wholeRecord();
		patient("Anna de Vries", "12-3-1985", false);
		requester("SELF", null, "Anna de Vries", "anna@example.org");
		byte[] program = new byte[2048];
		program[0] = 0x7f;
		program[1] = 'E';
		program[2] = 'L';
		program[3] = 'F';
		MvcTestResult disguised = uploadResult("REQUESTER_ID", "paspoort.pdf", program);
		assertThat(disguised).hasStatusOk().hasViewName("request/documents");
		assertThat(disguised).bodyText()
			.contains("id=\"REQUESTER_ID-error\"")
			.contains("Dit soort bestand kunnen we niet aannemen");

		MvcTestResult oversized = uploadResult("REQUESTER_ID", "scan.png", new byte[11 * 1024 * 1024]);
		assertThat(oversized).hasViewName("request/documents");
		assertThat(oversized).bodyText().contains("id=\"REQUESTER_ID-error\"");

		// What was entered before is all still there.
		assertThat(get("/request/patient")).bodyText()
			.contains("value=\"Anna de Vries\"")
			.contains("value=\"12-3-1985\"");
		assertThat(get("/request/requester")).bodyText().contains("value=\"anna@example.org\"");
		upload("REQUESTER_ID", png());
	}

	@Test
	void aDocumentNotYetSentIsNamedInTheErrorSummary() {
		wholeRecord();
		patient("Anna de Vries", "12-3-1985", false);
		requester("SELF", null, "Anna de Vries", "anna@example.org");
		MvcTestResult nothing = this.mvc.post()
			.uri("/request/documents")
			.multipart()
			.with(this.session)
			.with(csrf())
			.exchange();
		assertThat(nothing).hasStatusOk().hasViewName("request/documents");
		assertThat(nothing).bodyText()
			.contains(
					"<a href=\"#REQUESTER_ID\">Dit document hebben wij nog nodig: Een kopie van uw geldige identiteitsbewijs");
	}

	@Test
	void sendingTwiceFilesOneRequest() {
		wholeRecord();
		patient("Piet Jansen", "2-2-1970", false);
		requester("SELF", null, "Piet Jansen", "piet.twee.keer@example.org");
		upload("REQUESTER_ID", png());
		delivery("POST", "Piet Jansen");
		String code = code("piet.twee.keer@example.org");
		MvcTestResult first = this.mvc.post()
			.uri("/request/check")
			.param("code", code)
			.with(this.session)
			.with(csrf())
			.exchange();
		assertThat(first).hasRedirectedUrl("/request/sent");
		String reference = ((RequestFiling.Filed) first.getMvcResult().getFlashMap().get("filed")).reference();
		// The answer was lost, or the back button and a second click: the same form again
		// shows the request that was filed, with its reference, instead of filing again.
		MvcTestResult second = this.mvc.post()
			.uri("/request/check")
			.param("code", code)
			.with(this.session)
			.with(csrf())
			.exchange();
		assertThat(second).hasRedirectedUrl("/request/sent");
		assertThat(((RequestFiling.Filed) second.getMvcResult().getFlashMap().get("filed")).reference())
			.isEqualTo(reference);
		assertThat(this.jdbc.queryForObject("select count(*) from request where requester_email = ?", Integer.class,
				"piet.twee.keer@example.org"))
			.isOne();
		// A reload of the page after sending still shows the reference.
		assertThat(this.mvc.get().uri("/request/sent").with(this.session).exchange()).hasStatusOk()
			.bodyText()
			.contains(reference);
		// A new request begun in the same session starts empty.
		assertThat(this.mvc.get().uri("/request").with(this.session).exchange()).hasRedirectedUrl("/request/what");
	}

	@Test
	void aWrongCodeIsRefusedAndEverythingStays() {
		wholeRecord();
		patient("Piet Jansen", "2-2-1970", false);
		requester("SELF", null, "Piet Jansen", "piet.foute.code@example.org");
		upload("REQUESTER_ID", png());
		delivery("POST", "Piet Jansen");
		String code = code("piet.foute.code@example.org");
		String wrong = code.equals("000000") ? "111111" : "000000";
		MvcTestResult refused = this.mvc.post()
			.uri("/request/check")
			.param("code", wrong)
			.with(this.session)
			.with(csrf())
			.exchange();
		assertThat(refused).hasStatusOk().bodyText().contains("Deze code klopt niet").contains("Piet Jansen");
	}

	@Test
	void theStatusLinkShowsTheRequestAndAWrongOneLooksLikeNothing() {
		wholeRecord();
		patient("Piet Jansen", "2-2-1970", false);
		requester("SELF", null, "Piet Jansen", "piet.status@example.org");
		upload("REQUESTER_ID", png());
		delivery("POST", "Piet Jansen");
		String reference = send("piet.status@example.org");
		ReceivedMail received = TestMail.awaitMailTo("piet.status@example.org",
				(mail) -> mail.subject().contains(reference));
		Matcher link = LINK.matcher(received.text());
		assertThat(link.find()).isTrue();
		String token = link.group(2);

		assertThat(get("/status/" + token)).hasStatusOk()
			.bodyText()
			.contains(reference)
			.contains("data-status=\"SUBMITTED\"");
		MvcTestResult wrong = get("/status/" + token.substring(1) + "x");
		assertThat(wrong).hasStatus(404).bodyText().contains("Deze link werkt niet").doesNotContain(reference);
		assertThat(get("/cosign/" + token)).hasStatus(404).bodyText().contains("Deze link werkt niet");

		// Withdrawn: asked to confirm first, then closed.
		this.mvc.post().uri("/status/" + token + "/withdraw").with(csrf()).exchange();
		this.mvc.post().uri("/status/" + token + "/withdraw").param("confirm", "true").with(csrf()).exchange();
		assertThat(request(reference).status()).isEqualTo(RequestStatus.WITHDRAWN);
		assertThat(get("/status/" + token)).bodyText().contains("U heeft uw aanvraag ingetrokken");
	}

	@Test
	void theRequesterAnswersTheDesksQuestionWithANewDocument() {
		wholeRecord();
		patient("Piet Jansen", "2-2-1970", false);
		requester("SELF", null, "Piet Jansen", "piet.antwoord@example.org");
		upload("REQUESTER_ID", png());
		delivery("POST", "Piet Jansen");
		String reference = send("piet.antwoord@example.org");
		Matcher link = LINK.matcher(
				TestMail.awaitMailTo("piet.antwoord@example.org", (mail) -> mail.subject().contains(reference)).text());
		assertThat(link.find()).isTrue();
		String token = link.group(2);
		this.transactions.executeWithoutResult((status) -> {
			Request request = this.requests.findByReference(reference).orElseThrow();
			nl.recordsdesk.requests.TestRequests.claimAndAskFor(request, "balie",
					"De kopie is onleesbaar. Wilt u een nieuwe sturen?",
					nl.recordsdesk.eligibility.ItemCode.REQUESTER_ID);
			this.requests.save(request);
		});

		assertThat(get("/status/" + token)).bodyText()
			.contains("data-status=\"AWAITING_REQUESTER\"")
			.contains("De kopie is onleesbaar. Wilt u een nieuwe sturen?");
		MvcTestResult withoutFile = this.mvc.post()
			.uri("/status/" + token + "/answer")
			.multipart()
			.param("answer", "Hierbij.")
			.with(csrf())
			.exchange();
		// As on the form: the title says so, the summary links to the field, the field
		// carries its error.
		assertThat(withoutFile).hasStatusOk()
			.bodyText()
			.contains("Kies het document dat wij vroegen.")
			.contains("<title>Fout: ")
			.contains("id=\"error-summary\"")
			.contains("<a href=\"#answer-file\">Kies het document dat wij vroegen.</a>")
			.containsPattern("<input type=\"file\" id=\"answer-file\"[^>]*aria-describedby=\"answer-file-error\""
					+ "[^>]*aria-invalid=\"true\"")
			.contains("Hierbij.");

		MvcTestResult answered = this.mvc.post()
			.uri("/status/" + token + "/answer")
			.multipart()
			.file(new MockMultipartFile("file", "nieuw.png", "image/png", png()))
			.param("answer", "Hierbij een betere kopie.")
			.with(csrf())
			.exchange();
		assertThat(answered).hasRedirectedUrl("/status/" + token);
		Request request = request(reference);
		assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
		assertThat(request.assignedTo()).isEqualTo("balie");
		assertThat(get("/status/" + token)).bodyText().contains("U heeft onze vraag beantwoord");
	}

	@Test
	void theFormSpeaksEnglish() {
		assertThat(this.mvc.get().uri("/request/what").param("lang", "en").with(this.session)).hasStatusOk()
			.bodyText()
			.contains("Step 1 of 6")
			.contains("What do you want to request?");
	}

	@Test
	void aStatementOnPaperIsSentAsADocumentAndTheAnswerComesByEmail() {
		post("/request/what", Map.of("requestType", "ADDITION", "statement", ""));
		patient("Iris Kok", "4-4-1990", false);
		requester("SELF", null, "Iris Kok", "iris@example.org");
		assertThat(get("/request/documents")).bodyText()
			.contains("De verklaring die aan het dossier wordt toegevoegd")
			.contains("U heeft bij stap 1 geen verklaring getypt.");
		MvcTestResult documents = this.mvc.post()
			.uri("/request/documents")
			.multipart()
			.file(new MockMultipartFile("REQUESTER_ID", "id.png", "image/png", png()))
			.file(new MockMultipartFile("STATEMENT", "verklaring.png", "image/png", png()))
			.with(this.session)
			.with(csrf())
			.exchange();
		assertThat(documents).hasRedirectedUrl("/request/cosigners");
		assertThat(get("/request/delivery")).bodyText().contains("Er is niets op te halen.");
		delivery("ANSWER_BY_EMAIL", "Iris Kok");
		String reference = send("iris@example.org");

		Request request = request(reference);
		assertThat(request.type()).isEqualTo(nl.recordsdesk.eligibility.RequestType.ADDITION);
		assertThat(request.details().statement()).isNull();
		assertThat(request.missingItems()).isEmpty();
		assertThat(request.delivery()).isEqualTo(nl.recordsdesk.requests.Delivery.ANSWER_BY_EMAIL);
	}

	@Test
	void aCorrectionAndADestructionSayWhatTheyNeedAndKeepTheInput() {
		MvcTestResult correction = this.mvc.post()
			.uri("/request/what")
			.param("requestType", "CORRECTION")
			.param("correctionCurrent", "Bloedgroep A")
			.with(this.session)
			.with(csrf())
			.exchange();
		assertThat(correction).hasStatusOk();
		assertThat(correction).bodyText()
			.contains("Schrijf op wat er zou moeten staan.")
			.doesNotContain("Schrijf op wat er niet klopt.");
		assertThat(correction).body().asString().contains("Bloedgroep A");

		MvcTestResult destruction = this.mvc.post()
			.uri("/request/what")
			.param("requestType", "DESTRUCTION")
			.param("destructionScope", "PARTS")
			.with(this.session)
			.with(csrf())
			.exchange();
		assertThat(destruction).hasStatusOk();
		assertThat(destruction).bodyText()
			.contains("Schrijf op welk deel moet worden vernietigd.")
			.contains("Vink aan dat u begrijpt dat vernietigde gegevens niet terug te halen zijn.");
	}

	@Test
	void theOtherParentIsToldItIsADestructionNotACopy() {
		post("/request/what",
				Map.of("requestType", "DESTRUCTION", "destructionScope", "WHOLE", "destructionUnderstood", "true"));
		patient("Ties Mol", "3-3-2018", false);
		requester("PARENT", "JOINT", "Anne Mol", "anne@example.org");
		upload("REQUESTER_ID", png());
		post("/request/cosigners", Map.of("rows[0].item", "SECOND_PARENT_SIGNATURE", "rows[0].name", "Bart Mol",
				"rows[0].email", "bart@example.org"));
		delivery("ANSWER_BY_EMAIL", "Anne Mol");
		send("anne@example.org");

		ReceivedMail invitation = TestMail.awaitMailTo("bart@example.org");
		assertThat(invitation.text()).contains("Het dossier (of een deel ervan) laten vernietigen")
			.doesNotContain("kopie van het medisch dossier");
		Matcher link = LINK.matcher(invitation.text());
		assertThat(link.find()).isTrue();
		String path = link.group().substring(link.group().indexOf("/cosign/"));
		assertThat(get(path)).bodyText()
			.contains("Vernietigde gegevens zijn voorgoed weg.")
			.contains("Het dossier (of een deel ervan) laten vernietigen");
	}

	@Test
	void aChildAskedToAgreeToADestructionIsSpokenToAsJeAlsoInItsErrors() {
		post("/request/what",
				Map.of("requestType", "DESTRUCTION", "destructionScope", "WHOLE", "destructionUnderstood", "true"));
		patient("Fien Mol",
				LocalDate.now()
					.minusYears(13)
					.minusMonths(2)
					.format(java.time.format.DateTimeFormatter.ofPattern("d-M-yyyy")),
				false);
		requester("PARENT", "JOINT", "Anne Mol", "anne.kind@example.org");
		upload("REQUESTER_ID", png());
		post("/request/cosigners",
				Map.of("rows[0].item", "SECOND_PARENT_SIGNATURE", "rows[0].name", "Bart Mol", "rows[0].email",
						"bart.kind@example.org", "rows[1].item", "PATIENT_CONSENT", "rows[1].name", "Fien Mol",
						"rows[1].email", "fien.kind@example.org"));
		delivery("ANSWER_BY_EMAIL", "Anne Mol");
		send("anne.kind@example.org");

		String childsLink = cosignPath(TestMail.awaitMailTo("fien.kind@example.org"));
		assertThat(get(childsLink)).bodyText()
			.contains(
					"Vernietigde gegevens zijn voorgoed weg. Artsen kunnen ze later niet meer gebruiken, ook niet als je opnieuw bij ons komt.")
			.doesNotContain("als u opnieuw");
		MvcTestResult refused = this.mvc.post()
			.uri(childsLink)
			.multipart()
			.param("signatureName", "")
			.with(csrf())
			.exchange();
		assertThat(refused).hasStatusOk()
			.bodyText()
			.contains("Controleer je antwoorden")
			.contains("Vul je volledige naam in.")
			.doesNotContain("Controleer uw antwoorden");
	}

	// The steps, as a visitor fills them in.

	void wholeRecord() {
		post("/request/what", Map.of("requestType", "RECORD_COPY", "recordScope", "WHOLE"));
	}

	void patient(String name, String birthDate, boolean deceased) {
		post("/request/patient", Map.of("name", name, "birthDate", birthDate, "deceased", Boolean.toString(deceased)));
	}

	void requester(String relation, String authority, String name, String email) {
		MvcTestResult result = this.mvc.post()
			.uri("/request/requester")
			.params(params(requesterFields(relation, authority, name, email)))
			.with(this.session)
			.with(csrf())
			.exchange();
		assertThat(result).hasStatus3xxRedirection();
	}

	static Map<String, String> requesterFields(String relation, String authority, String name, String email) {
		Map<String, String> fields = new java.util.HashMap<>(Map.of("relation", relation, "name", name, "email", email,
				"phone", "0612345678", "street", "Kade 1", "postalCode", "3011 AB", "city", "Rotterdam"));
		if (authority != null) {
			fields.put("parentalAuthority", authority);
		}
		return fields;
	}

	void upload(String item, byte[] content) {
		assertThat(uploadResult(item, "id.png", content)).hasStatus3xxRedirection();
	}

	MvcTestResult uploadResult(String item, String name, byte[] content) {
		return this.mvc.post()
			.uri("/request/documents")
			.multipart()
			.file(new MockMultipartFile(item, name, "application/octet-stream", content))
			.with(this.session)
			.with(csrf())
			.exchange();
	}

	void delivery(String delivery, String name) {
		post("/request/delivery", Map.of("delivery", delivery, "signatureName", name, "declaration", "true"));
	}

	String send(String email) {
		return send(this.mvc, this.session, email);
	}

	/**
	 * Sends the form with the code mailed to {@code email}; answers the new reference.
	 */
	static String send(MockMvcTester mvc, TestBrowser browser, String email) {
		MvcTestResult sent = mvc.post()
			.uri("/request/check")
			.param("code", code(email))
			.with(browser)
			.with(csrf())
			.exchange();
		assertThat(sent).hasRedirectedUrl("/request/sent");
		return new RequestFilingFlash(sent).reference();
	}

	static String statusToken(ReceivedMail mail) {
		Matcher link = LINK.matcher(mail.text());
		while (link.find()) {
			if (link.group(1).equals("status")) {
				return link.group(2);
			}
		}
		throw new AssertionError("No status link in: " + mail.text());
	}

	static String code(String email) {
		// The code's own mail: a late mail of another test may carry a reference with six
		// digits.
		ReceivedMail mail = TestMail.awaitMailTo(email, (candidate) -> candidate.subject().contains("code")
				&& candidate.text() != null && CODE.matcher(candidate.text()).find());
		Matcher matcher = CODE.matcher(mail.text());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	void post(String uri, Map<String, String> fields) {
		post(this.mvc, this.session, uri, fields);
	}

	/** Posts one step of the form; the step goes on to the next (a redirect). */
	static void post(MockMvcTester mvc, TestBrowser browser, String uri, Map<String, String> fields) {
		MvcTestResult result = mvc.post().uri(uri).params(params(fields)).with(browser).with(csrf()).exchange();
		assertThat(result).as("%s answered", uri).hasStatus3xxRedirection();
	}

	MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).with(this.session).exchange();
	}

	Request request(String reference) {
		return this.transactions.execute((status) -> {
			Request request = this.requests.findByReference(reference).orElseThrow();
			// Read what the assertions look at while the session is open.
			request.notices();
			request.studies();
			request.items();
			request.invitations().forEach(CoSignInvitation::status);
			return request;
		});
	}

	static org.springframework.util.MultiValueMap<String, String> params(Map<String, String> fields) {
		org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
		fields.forEach(params::add);
		return params;
	}

	static byte[] png() {
		try {
			BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** What the confirmation page is given after sending. */
	record RequestFilingFlash(MvcTestResult result) {

		String reference() {
			Object filed = this.result.getMvcResult().getFlashMap().get("filed");
			assertThat(filed).isInstanceOf(nl.recordsdesk.requests.RequestFiling.Filed.class);
			return ((nl.recordsdesk.requests.RequestFiling.Filed) filed).reference();
		}

	}

}
