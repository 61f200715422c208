package nl.recordsdesk.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import nl.recordsdesk.eligibility.EligibilityRules;
import nl.recordsdesk.eligibility.QuestionField;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.Delivery;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The checks of the paper intake's questions: the page's own answers
 * ({@link PaperIntakeForm}'s constraints, and how old the paper may be), the public
 * form's checks of what, the patient and the requester (but for the e-mail address and
 * phone number, which a letter need not have), and the rules' objections, all on the
 * page's own paths.
 */
@Component
class PaperIntakeChecks {

	private static final Map<QuestionField, String> RULE_FIELDS = Map.of(QuestionField.RELATION, "requester.relation",
			QuestionField.PARENTAL_AUTHORITY, "requester.parentalAuthority", QuestionField.BIRTH_DATE,
			"patient.birthDate");

	private final EligibilityRules rules;

	private final FormValidation validation;

	private final Clock clock;

	PaperIntakeChecks(EligibilityRules rules, FormValidation validation, Clock clock) {
		this.rules = rules;
		this.validation = validation;
		this.clock = clock;
	}

	/**
	 * Checks the answers and puts the first two steps' into the draft (the rules need
	 * them). Answers that do not apply are dropped first, and a type answered one way
	 * only gets that way.
	 * @return the day the paper arrived, or today where that day is wrong: the day the
	 * rules are asked on
	 */
	LocalDate check(PaperIntakeForm intake, RequestDraft draft, BindingResult binding) {
		LocalDate today = LocalDate.now(this.clock);
		RequestType type = intake.getWhat().getRequestType();
		if (intake.getRequester().getRelation() != Relation.PARENT) {
			intake.getRequester().setParentalAuthority(null);
		}
		if (type != RequestType.RECORD_COPY) {
			intake.getPatient().setIvfTreatment(false);
		}
		if (type != null && Delivery.forType(type).length == 1) {
			intake.setDelivery(Delivery.forType(type)[0]);
		}
		this.validation.validate(intake, binding, today);
		rejectIfTooOld(intake.getReceivedOn(), type, today, binding);
		nested(binding, "what", () -> this.validation.inTurn(intake.getWhat(), binding, intake.getWhat().checks()));
		LocalDate day = (binding.hasFieldErrors("receivedOn") || intake.getReceivedOn() == null) ? today
				: intake.getReceivedOn();
		nested(binding, "patient",
				() -> this.validation.validate(intake.getPatient(), binding, day, intake.getPatient().checks()));
		checkRequester(intake.getRequester(), binding);
		draft.what = intake.getWhat();
		draft.patient = intake.getPatient();
		RuleViolations.reject(binding, this.rules.validate(draft.question(intake.getRequester(), day)), RULE_FIELDS);
		return day;
	}

	/**
	 * GDPR art. 12(3): the answer is due one term (a calendar month; three for
	 * destruction) after the request arrived. A paper older than that would be overdue
	 * the moment it is entered: that is no typing slip, and the desk's lead handles it.
	 * (Not a constraint: its message names the earliest day.)
	 */
	private static void rejectIfTooOld(@Nullable LocalDate receivedOn, @Nullable RequestType type, LocalDate today,
			BindingResult binding) {
		LocalDate earliest = today.minusMonths((type != null) ? type.answerWithinMonths() : 1);
		if (receivedOn != null && !binding.hasFieldErrors("receivedOn") && receivedOn.isBefore(earliest)) {
			binding.rejectValue("receivedOn", "desk.intake.receivedOn.tooOld",
					new Object[] {
							earliest.getDayOfMonth() + "-" + earliest.getMonthValue() + "-" + earliest.getYear() },
					null);
		}
	}

	/**
	 * The public form's checks of the requester, but for the e-mail address and phone
	 * number: a letter need not have them. An address given must be one.
	 */
	private void checkRequester(RequesterForm requester, BindingResult binding) {
		BeanPropertyBindingResult own = new BeanPropertyBindingResult(requester, "requester");
		this.validation.validate(requester, own);
		// Copied under the page's own path, so they are worded for the clerk too.
		for (FieldError error : own.getFieldErrors()) {
			String code = (error.getCode() != null) ? error.getCode() : "";
			if (code.equals("request.requester.email.required") || code.equals("request.requester.phone.required")) {
				continue;
			}
			if (!binding.hasFieldErrors("requester." + error.getField())) {
				binding.rejectValue("requester." + error.getField(), code, error.getArguments(), null);
			}
		}
		if (Texts.blank(requester.getEmail())) {
			requester.setEmail("");
		}
		if (Texts.blank(requester.getPhone())) {
			requester.setPhone("");
		}
	}

	private static void nested(BindingResult binding, String path, Runnable validation) {
		binding.pushNestedPath(path);
		try {
			validation.run();
		}
		finally {
			binding.popNestedPath();
		}
	}

}
