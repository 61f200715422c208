package nl.recordsdesk.intake;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.Delivery;
import nl.recordsdesk.requests.RecordScope;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The steps' checks through Bean Validation: per request type only the answers it asks,
 * each message on the field to change, one message where the hand-written checks gave
 * one.
 */
class FormValidationTests {

	private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

	private final FormValidation validation = new FormValidation(factory);

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	@AfterAll
	static void close() {
		factory.close();
	}

	private List<Tuple> errors(Object form) {
		BeanPropertyBindingResult binding = new BeanPropertyBindingResult(form, "form");
		if (form instanceof WhatForm what) {
			this.validation.inTurn(what, binding, what.checks());
		}
		else if (form instanceof PatientForm patient) {
			this.validation.validate(patient, binding, TODAY, patient.checks());
		}
		else {
			this.validation.validate(form, binding);
		}
		return binding.getFieldErrors().stream().map((error) -> tuple(error.getField(), error.getCode())).toList();
	}

	/** Step 1, what is asked for. */
	@Nested
	class What {

		@Test
		void withoutATypeOnlyTheTypeIsAsked() {
			WhatForm form = new WhatForm();
			form.setDestructionScope(RecordScope.PARTS);
			form.getStudies().get(0).setKind("MRI");

			assertThat(errors(form)).containsExactly(tuple("requestType", "request.what.requestType.required"));
		}

		@Test
		void aPartOfTheRecordIsNamedSomehow() {
			WhatForm form = form(RequestType.RECORD_COPY);
			assertThat(errors(form)).containsExactly(tuple("recordScope", "request.what.recordScope.required"));

			form.setRecordScope(RecordScope.PARTS);
			assertThat(errors(form)).containsExactly(tuple("departments", "request.what.parts.required"));

			form.setPeriod("2019 tot en met 2021");
			assertThat(errors(form)).isEmpty();
		}

		@Test
		void aTooLongTextSaysItsMaximum() {
			WhatForm form = form(RequestType.RECORD_COPY);
			form.setRecordScope(RecordScope.PARTS);
			form.setDepartments("c".repeat(WhatForm.MAX_TEXT + 1));
			BeanPropertyBindingResult binding = new BeanPropertyBindingResult(form, "form");

			FormValidationTests.this.validation.inTurn(form, binding, form.checks());

			FieldError error = binding.getFieldError("departments");
			assertThat(error).isNotNull();
			assertThat(error.getCode()).isEqualTo("request.tooLong");
			assertThat(error.getArguments()).containsExactly(WhatForm.MAX_TEXT);
			assertThat(binding.getErrorCount()).isOne();
		}

		@Test
		void aFieldThatCouldNotBeReadIsNotAlsoTooLong() {
			WhatForm form = form(RequestType.RECORD_COPY);
			form.setDepartments("c".repeat(WhatForm.MAX_TEXT + 1));
			BeanPropertyBindingResult binding = new BeanPropertyBindingResult(form, "form");
			binding.rejectValue("departments", "typeMismatch");

			FormValidationTests.this.validation.inTurn(form, binding, form.checks());

			assertThat(binding.getFieldErrors("departments")).extracting(FieldError::getCode)
				.containsExactly("typeMismatch");
			// The type's own checks still run.
			assertThat(binding.getFieldErrors("recordScope")).extracting(FieldError::getCode)
				.containsExactly("request.what.recordScope.required");
		}

		@Test
		void theAnswersOfAnotherTypeAreNotChecked() {
			WhatForm form = form(RequestType.RECORD_COPY);
			form.setRecordScope(RecordScope.WHOLE);
			form.setStatement("s".repeat(WhatForm.MAX_LONG_TEXT + 1));
			form.setDestructionScope(RecordScope.PARTS);
			form.getStudies().get(0).setKind("MRI");
			form.getStudies().get(2).setBodyPart("k".repeat(201));

			assertThat(errors(form)).isEmpty();
		}

		@Test
		void imagesOnDvdAskForAStudyWithItsKindAndBodyPart() {
			WhatForm form = form(RequestType.IMAGING_COPY);
			assertThat(errors(form)).containsExactlyInAnyOrder(
					tuple("studies[0].kind", "request.what.studies.required"),
					tuple("studiesBefore2005", "request.what.studiesBefore2005.required"));

			form.getStudies().get(1).setKind("MRI");
			form.setStudiesBefore2005(false);
			assertThat(errors(form)).containsExactly(tuple("studies[1].kind", "request.what.study.incomplete"));

			form.getStudies().get(1).setBodyPart("k".repeat(201));
			assertThat(errors(form)).containsExactly(tuple("studies[1].bodyPart", "request.tooLong"));
		}

		@Test
		void aCorrectionSaysWhatIsWrongAndWhatShouldBeThere() {
			WhatForm form = form(RequestType.CORRECTION);
			// An em space is no more written than a space.
			form.setCorrectionCurrent("\u2003");
			form.setCorrectionProposed(" ".repeat(WhatForm.MAX_LONG_TEXT + 1));

			assertThat(errors(form)).containsExactlyInAnyOrder(
					tuple("correctionCurrent", "request.what.correctionCurrent.required"),
					tuple("correctionProposed", "request.what.correctionProposed.required"));
		}

		@Test
		void aDestructionNamesItsPartAndIsUnderstood() {
			WhatForm form = form(RequestType.DESTRUCTION);
			assertThat(errors(form)).containsExactlyInAnyOrder(
					tuple("destructionScope", "request.what.destructionScope.required"),
					tuple("destructionUnderstood", "request.what.destructionUnderstood.required"));

			form.setDestructionScope(RecordScope.PARTS);
			form.setDestructionUnderstood(true);
			assertThat(errors(form))
				.containsExactly(tuple("destructionParts", "request.what.destructionParts.required"));
		}

		private static WhatForm form(RequestType type) {
			WhatForm form = new WhatForm();
			form.setRequestType(type);
			return form;
		}

	}

	/** Step 3, the requester. */
	@Nested
	class Requester {

		@Test
		void anEmptyFormAsksForEveryAnswerOnce() {
			assertThat(errors(new RequesterForm())).containsExactlyInAnyOrder(
					tuple("relation", "eligibility.violation.RELATION.REQUIRED"),
					tuple("name", "request.requester.name.required"),
					tuple("email", "request.requester.email.required"),
					tuple("phone", "request.requester.phone.required"),
					tuple("street", "request.requester.street.required"),
					tuple("postalCode", "request.requester.postalCode.required"),
					tuple("city", "request.requester.city.required"));
		}

		@Test
		void aParentSaysWhoHasAuthorityAndAnAddressLooksLikeOne() {
			RequesterForm form = complete();
			form.setRelation(Relation.PARENT);
			form.setEmail("anna at example.org");
			form.setPhone("06");
			form.setCity("R".repeat(101));

			assertThat(errors(form)).containsExactlyInAnyOrder(
					tuple("parentalAuthority", "eligibility.violation.PARENTAL_AUTHORITY.REQUIRED"),
					tuple("email", "request.requester.email.invalid"),
					tuple("phone", "request.requester.phone.invalid"), tuple("city", "request.tooLong"));
		}

		@Test
		void aCompleteFormPasses() {
			assertThat(errors(complete())).isEmpty();
		}

		private static RequesterForm complete() {
			RequesterForm form = new RequesterForm();
			form.setRelation(Relation.SELF);
			form.setName("Anna de Vries");
			form.setEmail("anna@example.org");
			form.setPhone("010 123 45 67");
			form.setStreet("Dorpsstraat 1");
			form.setPostalCode("3000 AA");
			form.setCity("Rotterdam");
			return form;
		}

	}

	/** Step 2, the patient, checked as on {@link #TODAY}. */
	@Nested
	class Patient {

		@Test
		void anEmptyFormAsksForTheNameAndBirthDate() {
			assertThat(errors(new PatientForm())).containsExactlyInAnyOrder(
					tuple("name", "request.patient.name.required"),
					tuple("birthDate", "request.patient.birthDate.required"));
		}

		@Test
		void aBirthDateAfterTheDayIsInTheFutureAndTodayIsNot() {
			PatientForm form = complete();
			form.setBirthDate(TODAY.plusDays(1));
			assertThat(errors(form)).containsExactly(tuple("birthDate", "request.patient.birthDate.future"));

			form.setBirthDate(TODAY);
			assertThat(errors(form)).isEmpty();
		}

		@Test
		void aDateTheBinderCouldNotReadIsNotAlsoMissing() {
			PatientForm form = complete();
			form.setBirthDate(null);
			BeanPropertyBindingResult binding = new BeanPropertyBindingResult(form, "patientForm");
			binding.rejectValue("birthDate", "typeMismatch");

			FormValidationTests.this.validation.validate(form, binding, TODAY, form.checks());

			assertThat(binding.getFieldErrors()).extracting(FieldError::getField, FieldError::getCode)
				.containsExactly(tuple("birthDate", "typeMismatch"));
		}

		@Test
		void aPatientNumberIsLettersDigitsAndDashesAndMayBeLeftOut() {
			PatientForm form = complete();
			form.setPatientNumber(" 12-AB ");
			assertThat(errors(form)).isEmpty();
			form.setPatientNumber("\u2003");
			assertThat(errors(form)).isEmpty();

			form.setPatientNumber("12 34");
			assertThat(errors(form)).containsExactly(tuple("patientNumber", "request.patient.patientNumber.invalid"));
			form.setPatientNumber("1".repeat(21));
			assertThat(errors(form)).containsExactly(tuple("patientNumber", "request.patient.patientNumber.invalid"));
		}

		@Test
		void theDateOfDeathIsAskedOnlyOfAPatientWhoDied() {
			PatientForm form = complete();
			form.setDateOfDeath(TODAY.plusDays(3));
			assertThat(errors(form)).isEmpty();

			form.setDeceased(true);
			form.setDateOfDeath(null);
			assertThat(errors(form)).containsExactly(tuple("dateOfDeath", "request.patient.dateOfDeath.required"));
		}

		@Test
		void aDateOfDeathIsNotInTheFutureNorBeforeTheBirthOneMessageAtATime() {
			PatientForm form = complete();
			form.setDeceased(true);
			form.setDateOfDeath(form.getBirthDate().minusDays(1));
			assertThat(errors(form)).containsExactly(tuple("dateOfDeath", "request.patient.dateOfDeath.beforeBirth"));

			// Both in the future, the death before the birth: the future is said first.
			form.setBirthDate(TODAY.plusYears(2));
			form.setDateOfDeath(TODAY.plusYears(1));
			assertThat(errors(form)).containsExactlyInAnyOrder(tuple("birthDate", "request.patient.birthDate.future"),
					tuple("dateOfDeath", "request.patient.dateOfDeath.future"));

			form.setBirthDate(LocalDate.of(1940, 1, 1));
			form.setDateOfDeath(TODAY);
			assertThat(errors(form)).isEmpty();
		}

		@Test
		void aTooLongNameSaysItsMaximum() {
			PatientForm form = complete();
			form.setName("N".repeat(201));
			assertThat(errors(form)).containsExactly(tuple("name", "request.tooLong"));
		}

		private static PatientForm complete() {
			PatientForm form = new PatientForm();
			form.setName("Anna de Vries");
			form.setBirthDate(LocalDate.of(1984, 7, 3));
			return form;
		}

	}

	/** Step 5, the co-signers. */
	@Nested
	class CoSigners {

		@Test
		void eachRowNeedsANameAndAReadableAddress() {
			CoSignersForm form = form(row(null, null), row("Bert", "bert at example.org"),
					row("B".repeat(201), "bert@example.org"));

			assertThat(errors(form)).containsExactlyInAnyOrder(tuple("rows[0].name", "request.cosigners.name.required"),
					tuple("rows[0].email", "request.requester.email.required"),
					tuple("rows[1].email", "request.requester.email.invalid"),
					tuple("rows[2].name", "request.tooLong"));
		}

		@Test
		void noCoSignerGetsTheRequestersAddressOrAnotherCoSignersOne() {
			CoSignersForm form = form(row("Bert", " Anna@Example.org "), row("Carla", "carla@example.org"),
					row("Dirk", "CARLA@example.org"))
				.besideRequester("anna@example.org");

			assertThat(errors(form)).containsExactlyInAnyOrder(
					tuple("rows[0].email", "request.cosigners.email.requesters"),
					tuple("rows[2].email", "request.cosigners.email.twice"));
		}

		@Test
		void completeRowsPass() {
			assertThat(errors(form(row("Bert", "bert@example.org"), row("Carla", "carla@example.org"))
				.besideRequester("anna@example.org"))).isEmpty();
		}

		private static CoSignersForm form(CoSignersForm.Row... rows) {
			CoSignersForm form = new CoSignersForm();
			form.setRows(List.of(rows));
			return form;
		}

		private static CoSignersForm.Row row(String name, String email) {
			CoSignersForm.Row row = new CoSignersForm.Row(ItemCode.SECOND_PARENT_SIGNATURE);
			row.setName(name);
			row.setEmail(email);
			return row;
		}

	}

	/** Step 6, the delivery and signature. */
	@Nested
	class DeliveryAndSignature {

		@Test
		void anEmptyFormAsksForTheDeliveryTheNameAndTheDeclaration() {
			assertThat(errors(new DeliveryForm().forType(RequestType.RECORD_COPY))).containsExactlyInAnyOrder(
					tuple("delivery", "request.delivery.required"),
					tuple("signatureName", "request.signature.name.required"),
					tuple("declaration", "request.signature.declaration.required"));
		}

		@Test
		void theDeliveryIsOneThisTypeOfRequestIsAnsweredBy() {
			DeliveryForm form = complete();
			form.setDelivery(Delivery.SECURE_DOWNLOAD);
			assertThat(errors(form.forType(RequestType.IMAGING_COPY)))
				.containsExactly(tuple("delivery", "request.delivery.notForType"));
			assertThat(errors(form.forType(RequestType.RECORD_COPY))).isEmpty();
		}

		@Test
		void aDrawingThatIsNoPngIsRefusedAndNoneIsATypedSignature() {
			DeliveryForm form = complete();
			form.setDrawnSignature("data:image/png;base64,not base64");
			assertThat(errors(form)).containsExactly(tuple("drawnSignature", "request.signature.drawing.invalid"));

			form.setDrawnSignature(" ");
			assertThat(errors(form)).isEmpty();
		}

		@Test
		void aTooLongNameSaysItsMaximum() {
			DeliveryForm form = complete();
			form.setSignatureName("N".repeat(SignatureFields.MAX_NAME + 1));
			assertThat(errors(form)).containsExactly(tuple("signatureName", "request.tooLong"));
		}

		private static DeliveryForm complete() {
			DeliveryForm form = new DeliveryForm();
			form.setDelivery(Delivery.SECURE_DOWNLOAD);
			form.setSignatureName("Anna de Vries");
			form.setDeclaration(true);
			return form.forType(RequestType.RECORD_COPY);
		}

	}

	/** The desk's own answers on the paper intake, checked as on {@link #TODAY}. */
	@Nested
	class PaperIntakeAnswers {

		@Test
		void theDayThePaperArrivedAndTheDeliveryAreAsked() {
			PaperIntakeForm form = new PaperIntakeForm();
			assertThat(errors(form)).containsExactlyInAnyOrder(tuple("receivedOn", "desk.intake.receivedOn.required"),
					tuple("delivery", "request.delivery.required"));
		}

		@Test
		void aPaperDoesNotArriveInTheFuture() {
			PaperIntakeForm form = complete();
			form.setReceivedOn(TODAY.plusDays(1));
			assertThat(errors(form)).containsExactly(tuple("receivedOn", "desk.intake.receivedOn.future"));
			form.setReceivedOn(TODAY);
			assertThat(errors(form)).isEmpty();
		}

		@Test
		void aSecureDownloadNeedsAnAddressAndTheDeliveryFitsTheType() {
			PaperIntakeForm form = complete();
			form.setDelivery(Delivery.SECURE_DOWNLOAD);
			assertThat(errors(form)).containsExactly(tuple("delivery", "desk.intake.delivery.downloadNeedsEmail"));

			form.getRequester().setEmail("anna@example.org");
			assertThat(errors(form)).isEmpty();

			form.getWhat().setRequestType(RequestType.IMAGING_COPY);
			assertThat(errors(form)).containsExactly(tuple("delivery", "request.delivery.notForType"));
		}

		@Test
		void theLanguageIsDutchOrEnglish() {
			PaperIntakeForm form = complete();
			form.setLanguage("de");
			assertThat(errors(form)).containsExactly(tuple("language", "desk.intake.language.required"));
		}

		private List<Tuple> errors(PaperIntakeForm form) {
			BeanPropertyBindingResult binding = new BeanPropertyBindingResult(form, "intake");
			FormValidationTests.this.validation.validate(form, binding, TODAY);
			return binding.getFieldErrors().stream().map((error) -> tuple(error.getField(), error.getCode())).toList();
		}

		private static PaperIntakeForm complete() {
			PaperIntakeForm form = new PaperIntakeForm();
			form.setReceivedOn(TODAY.minusDays(3));
			form.getWhat().setRequestType(RequestType.RECORD_COPY);
			form.setDelivery(Delivery.POST);
			return form;
		}

	}

}
