package nl.recordsdesk.letters;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import nl.recordsdesk.eligibility.EligibilityQuestion;
import nl.recordsdesk.eligibility.EligibilityRules;
import nl.recordsdesk.eligibility.Fees;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.ParentalAuthority;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.CoSigner;
import nl.recordsdesk.requests.CopyContents;
import nl.recordsdesk.requests.CopyScope;
import nl.recordsdesk.requests.Delivery;
import nl.recordsdesk.requests.ImagingStudy;
import nl.recordsdesk.requests.NewRequest;
import nl.recordsdesk.requests.PatientDetails;
import nl.recordsdesk.requests.RecordScope;
import nl.recordsdesk.requests.RequestDrafts;
import nl.recordsdesk.requests.RequesterDetails;
import nl.recordsdesk.requests.SecretToken;
import nl.recordsdesk.requests.SignedBy;
import nl.recordsdesk.requests.UploadedFile;
import nl.recordsdesk.web.Hospital;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every letter renders to a PDF in Dutch and in English that PDFBox opens, with the
 * reference and the sentence the letter is for. Plain Java: the renderer with the
 * portal's message bundles, no Spring context.
 */
class LetterRenderingTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	static final LetterRenderer renderer = new LetterRenderer(messages(),
			new Hospital("Maasstad Test Ziekenhuis", "(010) 703 58 27", "(010) 704 20 06", java.time.LocalTime.of(9, 0),
					java.time.LocalTime.of(16, 0), List.of("Medische informatie", "Postbus 9100", "3007 AC Rotterdam")),
			new Fees(new BigDecimal("10.00")), true);

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/web", "i18n/eligibility", "i18n/checker", "i18n/uploads", "i18n/notifications",
				"i18n/requests", "i18n/audit", "i18n/desk", "i18n/accounts", "i18n/letters");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	static LetterFacts facts(String language, RequestType type, Delivery delivery) {
		boolean imaging = type == RequestType.IMAGING_COPY;
		return new LetterFacts("RD-2026-000417", type, Locale.forLanguageTag(language), LocalDate.of(2026, 11, 2),
				LocalDate.of(2027, 2, 2), LocalDate.of(2026, 12, 2),
				new PatientDetails("Eline de Bruijn", LocalDate.of(1980, 3, 14), "1234567", false, null),
				new RequesterDetails(Relation.SELF, null, "Eline de Bruijn", "eline@example.org", "0612345678",
						"Coolsingel 40", "3011 AD", "Rotterdam"),
				imaging ? CopyScope.none()
						: new CopyScope(RecordScope.PARTS, "Cardiologie", "2019-2021", "LETTERS,RESULTS", true),
				imaging ? List.of(new ImagingStudy("MRI", "knie", "maart 2024")) : List.of(), false, false, delivery,
				List.of(ItemCode.REQUESTER_ID), null, List.of(), "Eline de Bruijn", List.of(ItemCode.REQUESTER_ID),
				"Uw identiteitsbewijs is niet leesbaar; wilt u een nieuwe kopie sturen?",
				"Het dossier beslaat vijf afdelingen en twintig jaar.",
				"U bent niet de patiënt en u heeft geen machtiging gestuurd.", false, true, type.deliversCopy(),
				nl.recordsdesk.requests.RightDetails.none(), null);
	}

	static String text(byte[] pdf) throws IOException {
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isPositive();
			return new PDFTextStripper().getText(document).replaceAll("[\\s\\u00a0]+", " ");
		}
	}

	static String render(LetterKind kind, LetterFacts facts) throws IOException {
		return text(renderer.render(kind, facts, TODAY));
	}

	@ParameterizedTest
	@ValueSource(strings = { "nl", "en" })
	void theAcknowledgementSaysWhenTheAnswerIsDue(String language) throws IOException {
		// Extended since: the acknowledgement keeps the first due date.
		String text = render(LetterKind.ACKNOWLEDGEMENT, facts(language, RequestType.RECORD_COPY, Delivery.POST));
		assertThat(text).contains("RD-2026-000417")
			.contains(language.equals("nl") ? "U krijgt uiterlijk op 2 december 2026 antwoord van ons."
					: "You will have our answer by 2 December 2026 at the latest.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "nl", "en" })
	void theMissingItemsLetterAsksTheDesksQuestion(String language) throws IOException {
		String text = render(LetterKind.MISSING_ITEMS, facts(language, RequestType.RECORD_COPY, Delivery.POST));
		assertThat(text).contains("RD-2026-000417")
			.contains("Uw identiteitsbewijs is niet leesbaar; wilt u een nieuwe kopie sturen?")
			.contains(language.equals("nl") ? "Dit ontbreekt nog:" : "Still missing:")
			.contains(language.equals("nl") ? "Een kopie van uw geldige identiteitsbewijs" : "A copy of your valid");
	}

	@ParameterizedTest
	@ValueSource(strings = { "nl", "en" })
	void theExtensionGivesTheReasonAndTheNewDueDate(String language) throws IOException {
		String text = render(LetterKind.EXTENSION, facts(language, RequestType.RECORD_COPY, Delivery.POST));
		assertThat(text).contains("RD-2026-000417")
			.contains("Het dossier beslaat vijf afdelingen en twintig jaar.")
			.contains(language.equals("nl") ? "uiterlijk op 2 februari 2027 antwoord"
					: "by 2 February 2027 at the latest")
			.contains(language.equals("nl") ? "12 lid 3 AVG" : "12(3) GDPR");
	}

	@ParameterizedTest
	@ValueSource(strings = { "nl", "en" })
	void theRefusalGivesTheReasonsAndBothRoutes(String language) throws IOException {
		String text = render(LetterKind.REFUSAL, facts(language, RequestType.RECORD_COPY, Delivery.POST));
		assertThat(text).contains("RD-2026-000417")
			.contains("U bent niet de patiënt en u heeft geen machtiging gestuurd.")
			.contains("Autoriteit Persoonsgegevens")
			.contains(language.equals("nl") ? "naar de rechter gaan (artikel 12 lid 4 AVG)"
					: "go to court (article 12(4) GDPR)");
	}

	@ParameterizedTest
	@EnumSource(Delivery.class)
	void theApprovalSaysHowToCollect(Delivery delivery) throws IOException {
		RequestType type = (delivery == Delivery.PICKUP_RADIOLOGY) ? RequestType.IMAGING_COPY : RequestType.RECORD_COPY;
		String dutch = render(LetterKind.APPROVAL, facts("nl", type, delivery));
		String english = render(LetterKind.APPROVAL, facts("en", type, delivery));
		assertThat(dutch).contains("RD-2026-000417").contains("Zo ontvangt u het");
		assertThat(english).contains("RD-2026-000417").contains("How you receive it");
		switch (delivery) {
			case PICKUP_DESK ->
				assertThat(dutch).contains("balie Medische informatie").contains("identiteitsbewijs mee");
			case POST -> assertThat(english).contains("We send it by post to Coolsingel 40, 3011 AD Rotterdam.");
			case SECURE_DOWNLOAD -> assertThat(dutch).contains("De download werkt 14 dagen");
			case PICKUP_RADIOLOGY -> {
				assertThat(dutch).contains("balie van Radiologie").contains("De dvd kost € 10,00").contains("pinpas");
				assertThat(english).contains("The DVD costs €10.00").contains("debit card");
			}
		}
	}

	@Test
	void aRefusedDestructionNamesTheExceptionAndACorrectionShowsWhatIsWrong() throws IOException {
		LetterFacts facts = facts("nl", RequestType.DESTRUCTION, Delivery.ANSWER_BY_EMAIL);
		LetterFacts kept = new LetterFacts(facts.reference(), facts.type(), facts.language(), facts.filedOn(),
				facts.dueDate(), facts.originalDueDate(), facts.patient(), facts.requester(), facts.scope(),
				facts.studies(), false, false, facts.delivery(), facts.enclosed(), null, List.of(),
				facts.signatureName(), List.of(), null, null, null, true, false, false, facts.details(),
				nl.recordsdesk.requests.ReviewDecision.LegalGround.LAW_FORBIDS);
		assertThat(render(LetterKind.ACKNOWLEDGEMENT, kept)).contains("binnen drie maanden")
			.doesNotContain("binnen een maand");
		assertThat(render(LetterKind.REQUEST, kept)).contains("Het dossier (of een deel ervan) laten vernietigen")
			.contains("Ik begrijp dat vernietigde gegevens niet terug te halen zijn");
		assertThat(render(LetterKind.REFUSAL, kept)).contains("RD-2026-000417")
			.contains("Een wettelijke regel verbiedt vernietiging")
			.contains("Autoriteit Persoonsgegevens")
			.doesNotContain("overleden");

		LetterFacts correction = new LetterFacts(facts.reference(), RequestType.CORRECTION, facts.language(),
				facts.filedOn(), facts.dueDate(), null, facts.patient(), facts.requester(), facts.scope(),
				facts.studies(), false, false, facts.delivery(), facts.enclosed(), null, List.of(),
				facts.signatureName(), List.of(), null, null, null, false, false, false,
				new nl.recordsdesk.requests.RightDetails(null, "Allergie: penicilline", "Geen allergie", null), null);
		assertThat(render(LetterKind.REQUEST, correction)).contains("Allergie: penicilline").contains("Geen allergie");
	}

	@Test
	void anApprovalWithNothingToCollectLeavesOutHowToCollect() throws IOException {
		LetterFacts facts = facts("nl", RequestType.RECORD_COPY, Delivery.PICKUP_DESK);
		LetterFacts nothing = new LetterFacts(facts.reference(), facts.type(), facts.language(), facts.filedOn(),
				facts.dueDate(), facts.originalDueDate(), facts.patient(), facts.requester(), facts.scope(),
				facts.studies(), false, false, facts.delivery(), facts.enclosed(), null, List.of(),
				facts.signatureName(), List.of(), null, null, null, false, true, false, facts.details(), null);
		assertThat(render(LetterKind.APPROVAL, nothing)).contains("RD-2026-000417")
			.doesNotContain("Zo ontvangt u het")
			.contains("Wij voeren uw verzoek nu uit");
	}

	@Test
	void anApprovalThroughAnIndependentPhysicianSaysSoInsteadOfHowToCollect() throws IOException {
		LetterFacts facts = facts("nl", RequestType.RECORD_COPY, Delivery.PICKUP_DESK);
		LetterFacts.Grant grant = new LetterFacts.Grant(
				nl.recordsdesk.requests.ReviewDecision.Scope.THROUGH_INDEPENDENT_PHYSICIAN, null, true);
		LetterFacts independent = new LetterFacts(facts.reference(), facts.type(), facts.language(), facts.filedOn(),
				facts.dueDate(), facts.originalDueDate(), facts.patient(), facts.requester(), facts.scope(),
				facts.studies(), false, false, facts.delivery(), facts.enclosed(), null, List.of(),
				facts.signatureName(), List.of(), null, null, null, false, true, true, facts.details(), null, grant);
		assertThat(render(LetterKind.APPROVAL, independent))
			.contains("Omdat de patiënt is overleden, heeft een arts over uw aanvraag beslist.")
			.contains("U ontvangt de gegevens via een onafhankelijke arts.")
			.doesNotContain("Zo ontvangt u het");

		LetterFacts english = new LetterFacts(facts.reference(), facts.type(), java.util.Locale.ENGLISH,
				facts.filedOn(), facts.dueDate(), facts.originalDueDate(), facts.patient(), facts.requester(),
				facts.scope(), facts.studies(), false, false, facts.delivery(), facts.enclosed(), null, List.of(),
				facts.signatureName(), List.of(), null, null, null, false, true, true, facts.details(), null, grant);
		assertThat(render(LetterKind.APPROVAL, english))
			.contains("Because the patient has died, a physician decided on your request.")
			.contains("You receive the information through an independent physician.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "nl", "en" })
	void theApprovalWithACopyComposedFromThePacsListsTheStudies(String language) throws IOException {
		LetterFacts facts = facts(language, RequestType.IMAGING_COPY, Delivery.SECURE_DOWNLOAD);
		LetterFacts composed = new LetterFacts(facts.reference(), facts.type(), facts.language(), facts.filedOn(),
				facts.dueDate(), facts.originalDueDate(), facts.patient(), facts.requester(), facts.scope(),
				facts.studies(), false, false, facts.delivery(), facts.enclosed(), null, List.of(),
				facts.signatureName(), List.of(), null, null, null, false, true, true, facts.details(), null, null,
				new CopyContents(List.of(CopyContents.Part.study(LocalDate.of(2024, 3, 12), "MR", "Knie links"),
						CopyContents.Part.study(null, "CT", "Thorax"))));
		boolean dutch = language.equals("nl");
		assertThat(render(LetterKind.APPROVAL, composed))
			.contains(dutch ? "Wat u van ons krijgt" : "What you receive from us")
			.contains(dutch ? "De kopie bevat de beelden van deze onderzoeken:"
					: "The copy holds the images of these examinations:")
			.contains(dutch ? "12 maart 2024: MR Knie links" : "12 March 2024: MR Knie links")
			.contains("CT Thorax")
			.doesNotContain(dutch ? "documenten uit het dossier" : "documents from the record");
		// Without a composed copy, no list.
		assertThat(render(LetterKind.APPROVAL, facts))
			.doesNotContain(dutch ? "Wat u van ons krijgt" : "What you receive from us");
	}

	@ParameterizedTest
	@ValueSource(strings = { "nl", "en" })
	void theRequestHoldsEveryFactTheDeclarationAndTheSignatureLines(String language) throws IOException {
		String text = render(LetterKind.REQUEST, facts(language, RequestType.RECORD_COPY, Delivery.POST));
		assertThat(text).contains("RD-2026-000417")
			.contains("Eline de Bruijn")
			.contains("Cardiologie")
			.contains("Coolsingel 40, 3011 AD Rotterdam")
			.contains("Postbus 9100")
			.contains(language.equals("nl") ? "Ik verklaar dat ik deze aanvraag naar waarheid heb ingevuld"
					: "I declare that I have filled in this request truthfully")
			.contains(language.equals("nl") ? "Handtekening" : "Signature");
	}

	@ParameterizedTest
	@EnumSource(RequestType.class)
	void everyRequestTypeIsNamedByItsMessage(RequestType type) throws IOException {
		for (String language : List.of("nl", "en")) {
			String text = render(LetterKind.REQUEST, facts(language, type, Delivery.PICKUP_DESK));
			assertThat(text).doesNotContain("??");
		}
	}

	@Test
	void theDraftHasNoReferenceYetAndListsTheCoSigners() throws IOException {
		NewRequest request = new NewRequest(UUID.randomUUID(), SecretToken.generate(), Locale.forLanguageTag("nl"),
				RequestType.RECORD_COPY, new CopyScope(RecordScope.WHOLE, null, null, null, false), List.of(), false,
				new PatientDetails("Sem Jansen", LocalDate.of(2012, 4, 1), null, false, null), false,
				new RequesterDetails(Relation.PARENT, ParentalAuthority.JOINT, "Petra Jansen", "petra@example.org",
						"0612345678", "Kade 1", "3011 AB", "Rotterdam"),
				nl.recordsdesk.requests.RightDetails.none(), null,
				Map.of(ItemCode.REQUESTER_ID,
						new UploadedFile(UUID.randomUUID(), "id.pdf", "application/pdf", 10, "e".repeat(64))),
				List.of(new CoSigner(ItemCode.SECOND_PARENT_SIGNATURE, "Karel Jansen", "karel@example.org")),
				Delivery.PICKUP_DESK, new SignedBy("Petra Jansen", null));
		EligibilityRules rules = new EligibilityRules(java.time.Clock.systemDefaultZone(),
				new Fees(new BigDecimal("10.00")));
		var decision = rules.decide(new EligibilityQuestion(RequestType.RECORD_COPY, TODAY,
				request.patient().birthDate(), false, Relation.PARENT, ParentalAuthority.JOINT, false, false));
		LetterFacts facts = LetterFacts.ofDraft(new RequestDrafts.Draft(request, decision), TODAY);
		assertThat(renderer.fileName(LetterKind.REQUEST, facts)).isEqualTo("aanvraag.pdf");
		String text = render(LetterKind.REQUEST, facts);
		assertThat(text).contains("Nog geen kenmerk")
			.contains("Deze aanvraag is nog niet verstuurd")
			.contains("Karel Jansen (De andere ouder)")
			.contains("Petra Jansen")
			// Both parents' IDs go in the envelope.
			.contains("Een kopie van uw geldige identiteitsbewijs")
			.contains("Een kopie van het identiteitsbewijs van de andere ouder");
	}

	@Test
	void theLetterIsATaggedPdfInTheRequestersLanguage() throws IOException {
		byte[] pdf = renderer.render(LetterKind.REFUSAL, facts("en", RequestType.RECORD_COPY, Delivery.POST), TODAY);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
			assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Decision: we refuse your request");
		}
	}

}
