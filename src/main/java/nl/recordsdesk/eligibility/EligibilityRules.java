package nl.recordsdesk.eligibility;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The one implementation of the eligibility rules ({@code eligibility.md}): whether a
 * requester is entitled to a copy, what the request must carry, and whether a physician
 * decides first. The API, the public form and the back office all ask this service.
 */
@Service
public class EligibilityRules {

	private final Clock clock;

	private final List<Rule> rules;

	public EligibilityRules(Clock clock, Fees fees) {
		this.clock = clock;
		// Who may request comes first, so a refusal ends the evaluation before the rules
		// that add to an entitled request.
		this.rules = List.of(new Rules.DeceasedPatient(), new Rules.OwnRequest(), new Rules.Parent(),
				new Rules.Guardian(), new Rules.AuthorizedPerson(), new Rules.NextOfKinOfLivingPatient(),
				new Rules.ChildConsent(), new Rules.OtherRights(), new Rules.IvfPartner(),
				new Rules.ImagingPickup(fees));
	}

	/** Everything wrong with the question; empty when the rules can answer it. */
	public List<Violation> validate(EligibilityQuestion question) {
		List<Violation> violations = new ArrayList<>();
		if (question.requestType() == null) {
			violations.add(new Violation(QuestionField.REQUEST_TYPE, Violation.Code.REQUIRED));
		}
		if (question.birthDate() == null) {
			violations.add(new Violation(QuestionField.BIRTH_DATE, Violation.Code.REQUIRED));
		}
		else if (question.birthDate().isAfter(dayOf(question))) {
			violations.add(new Violation(QuestionField.BIRTH_DATE, Violation.Code.IN_FUTURE));
		}
		if (question.relation() == null) {
			violations.add(new Violation(QuestionField.RELATION, Violation.Code.REQUIRED));
		}
		else if (question.relation() == Relation.SELF && question.deceased()) {
			violations.add(new Violation(QuestionField.RELATION, Violation.Code.NOT_FOR_DECEASED));
		}
		else if (question.relation() == Relation.PARENT && question.parentalAuthority() == null) {
			violations.add(new Violation(QuestionField.PARENTAL_AUTHORITY, Violation.Code.REQUIRED));
		}
		if (question.ivfTreatment() && question.requestType() != null
				&& question.requestType() != RequestType.RECORD_COPY) {
			violations.add(new Violation(QuestionField.IVF_TREATMENT, Violation.Code.NOT_FOR_REQUEST_TYPE));
		}
		if (question.studiesBefore2005() && question.requestType() != null
				&& question.requestType() != RequestType.IMAGING_COPY) {
			violations.add(new Violation(QuestionField.STUDIES_BEFORE_2005, Violation.Code.NOT_FOR_REQUEST_TYPE));
		}
		return violations;
	}

	/**
	 * The rules' answer to a valid question.
	 * @throws InvalidQuestionException when {@link #validate} finds anything wrong
	 */
	public EligibilityDecision decide(EligibilityQuestion question) {
		List<Violation> violations = validate(question);
		if (!violations.isEmpty()) {
			throw new InvalidQuestionException(violations);
		}
		Facts facts = new Facts(question.requestType(), AgeBand.on(dayOf(question), question.birthDate()),
				question.deceased(), question.relation(),
				(question.relation() == Relation.PARENT) ? question.parentalAuthority() : null, question.ivfTreatment(),
				question.studiesBefore2005());
		DecisionBuilder decision = new DecisionBuilder();
		for (Rule rule : this.rules) {
			rule.apply(facts, decision);
			if (decision.refused()) {
				break;
			}
		}
		return decision.build();
	}

	/** The day the question is asked for: the given day, or today in the hospital. */
	public LocalDate dayOf(EligibilityQuestion question) {
		return (question.submittedOn() != null) ? question.submittedOn() : LocalDate.now(this.clock);
	}

}
