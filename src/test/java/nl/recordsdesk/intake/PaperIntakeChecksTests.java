package nl.recordsdesk.intake;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import nl.recordsdesk.eligibility.EligibilityRules;
import nl.recordsdesk.eligibility.Fees;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.Delivery;
import nl.recordsdesk.requests.RecordScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The paper intake's checks without a web layer: the public form's checks on the page's
 * paths, the patient as on the day the paper arrived, a paper older than one term, and
 * the e-mail address and phone number a letter need not carry.
 */
class PaperIntakeChecksTests {

	private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), AMSTERDAM);

	private static final LocalDate TODAY = LocalDate.now(CLOCK);

	private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

	private final PaperIntakeChecks checks = new PaperIntakeChecks(
			new EligibilityRules(CLOCK, new Fees(new BigDecimal("10"))), new FormValidation(factory), CLOCK);

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void aCompleteLetterWithoutAddressOrPhonePassesAndIsAnsweredOnTheDayItArrived() {
		PaperIntakeForm form = complete();
		RequestDraft draft = new RequestDraft();
		BeanPropertyBindingResult binding = binding(form);

		LocalDate day = this.checks.check(form, draft, binding);

		assertThat(binding.getAllErrors()).isEmpty();
		assertThat(day).isEqualTo(TODAY.minusDays(5));
		assertThat(draft.what).isSameAs(form.getWhat());
		assertThat(draft.patient).isSameAs(form.getPatient());
		assertThat(form.getRequester().getEmail()).isEmpty();
	}

	@Test
	void aPaperOlderThanOneTermNamesTheEarliestDay() {
		PaperIntakeForm form = complete();
		form.setReceivedOn(TODAY.minusMonths(1).minusDays(1));
		BeanPropertyBindingResult binding = binding(form);

		this.checks.check(form, new RequestDraft(), binding);

		FieldError error = binding.getFieldError("receivedOn");
		assertThat(error).isNotNull();
		assertThat(error.getCode()).isEqualTo("desk.intake.receivedOn.tooOld");
		assertThat(error.getArguments()).containsExactly("30-10-2026");
	}

	@Test
	void theBirthDateIsInTheFutureWhenItIsAfterThePaperArrived() {
		PaperIntakeForm form = complete();
		form.getPatient().setBirthDate(TODAY.minusDays(2));
		BeanPropertyBindingResult binding = binding(form);

		this.checks.check(form, new RequestDraft(), binding);

		assertThat(binding.getFieldErrors()).extracting(FieldError::getField, FieldError::getCode)
			.containsExactly(tuple("patient.birthDate", "request.patient.birthDate.future"));
	}

	@Test
	void thePublicFormsChecksAreOnThePagesPathsButForAnAddressNotGiven() {
		PaperIntakeForm form = complete();
		form.getWhat().setRecordScope(null);
		form.getPatient().setName(" ");
		form.getRequester().setPhone("06");
		BeanPropertyBindingResult binding = binding(form);

		this.checks.check(form, new RequestDraft(), binding);

		assertThat(binding.getFieldErrors()).extracting(FieldError::getField, FieldError::getCode)
			.containsExactlyInAnyOrder(tuple("what.recordScope", "request.what.recordScope.required"),
					tuple("patient.name", "request.patient.name.required"),
					tuple("requester.phone", "request.requester.phone.invalid"));
	}

	@Test
	void aTypeAnsweredOneWayGetsThatWay() {
		PaperIntakeForm form = complete();
		form.getWhat().setRequestType(RequestType.EXPLANATION);
		form.setDelivery(null);
		BeanPropertyBindingResult binding = binding(form);

		this.checks.check(form, new RequestDraft(), binding);

		assertThat(binding.getFieldErrors("delivery")).isEmpty();
		assertThat(form.getDelivery()).isEqualTo(Delivery.forType(RequestType.EXPLANATION)[0]);
	}

	private static BeanPropertyBindingResult binding(PaperIntakeForm form) {
		return new BeanPropertyBindingResult(form, "intake");
	}

	private static PaperIntakeForm complete() {
		PaperIntakeForm form = new PaperIntakeForm();
		form.setReceivedOn(TODAY.minusDays(5));
		form.getWhat().setRequestType(RequestType.RECORD_COPY);
		form.getWhat().setRecordScope(RecordScope.WHOLE);
		form.getPatient().setName("Anna de Vries");
		form.getPatient().setBirthDate(LocalDate.of(1980, 5, 1));
		form.getRequester().setRelation(Relation.SELF);
		form.getRequester().setName("Anna de Vries");
		form.getRequester().setStreet("Dorpsstraat 1");
		form.getRequester().setPostalCode("3000 AA");
		form.getRequester().setCity("Rotterdam");
		form.setDelivery(Delivery.POST);
		return form;
	}

}
