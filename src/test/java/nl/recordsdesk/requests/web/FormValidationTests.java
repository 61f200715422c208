package nl.recordsdesk.requests.web;

import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
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

	private final FormValidation validation = new FormValidation(factory.getValidator());

	@AfterAll
	static void close() {
		factory.close();
	}

	private List<Tuple> errors(Object form) {
		BeanPropertyBindingResult binding = new BeanPropertyBindingResult(form, "form");
		if (form instanceof WhatForm what) {
			this.validation.inTurn(what, binding, what.checks());
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

}
