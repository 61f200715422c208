package nl.recordsdesk.checker;

import java.time.LocalDate;

import nl.recordsdesk.TypedDate;
import nl.recordsdesk.eligibility.EligibilityQuestion;
import nl.recordsdesk.eligibility.ParentalAuthority;
import nl.recordsdesk.eligibility.QuestionField;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import org.jspecify.annotations.Nullable;

/**
 * The checker's questions. The rules validate the answers (one implementation for the API
 * and this page), so the form carries no constraints of its own.
 * <p>
 * A bean rather than a record on purpose: with constructor binding, one value that cannot
 * be read (a date like 31-02-2013) leaves no form object at all, and the page could not
 * show the other answers again. Setter binding records the mismatch on its field and
 * keeps the rest.
 */
class CheckerForm {

	private @Nullable RequestType requestType;

	/** Typed the Dutch way (1-5-2013); ISO dates, slashes and dots are read too. */
	@TypedDate
	private @Nullable LocalDate birthDate;

	private boolean deceased;

	private @Nullable Relation relation;

	private @Nullable ParentalAuthority parentalAuthority;

	private boolean ivfTreatment;

	private boolean studiesBefore2005;

	/** Today is the date of the question: the checker answers for a request made now. */
	EligibilityQuestion toQuestion() {
		return new EligibilityQuestion(this.requestType, null, this.birthDate, this.deceased, this.relation,
				this.parentalAuthority, this.ivfTreatment, this.studiesBefore2005);
	}

	/** The form property a rule violation belongs to, or null for the form as a whole. */
	static @Nullable String property(QuestionField field) {
		return switch (field) {
			case REQUEST_TYPE -> "requestType";
			case BIRTH_DATE -> "birthDate";
			case DECEASED -> "deceased";
			case RELATION -> "relation";
			case PARENTAL_AUTHORITY -> "parentalAuthority";
			case IVF_TREATMENT -> "ivfTreatment";
			case STUDIES_BEFORE_2005 -> "studiesBefore2005";
			case SUBMITTED_ON -> null;
		};
	}

	public @Nullable RequestType getRequestType() {
		return this.requestType;
	}

	public void setRequestType(@Nullable RequestType requestType) {
		this.requestType = requestType;
	}

	public @Nullable LocalDate getBirthDate() {
		return this.birthDate;
	}

	public void setBirthDate(@Nullable LocalDate birthDate) {
		this.birthDate = birthDate;
	}

	public boolean isDeceased() {
		return this.deceased;
	}

	public void setDeceased(boolean deceased) {
		this.deceased = deceased;
	}

	public @Nullable Relation getRelation() {
		return this.relation;
	}

	public void setRelation(@Nullable Relation relation) {
		this.relation = relation;
	}

	public @Nullable ParentalAuthority getParentalAuthority() {
		return this.parentalAuthority;
	}

	public void setParentalAuthority(@Nullable ParentalAuthority parentalAuthority) {
		this.parentalAuthority = parentalAuthority;
	}

	public boolean isIvfTreatment() {
		return this.ivfTreatment;
	}

	public void setIvfTreatment(boolean ivfTreatment) {
		this.ivfTreatment = ivfTreatment;
	}

	public boolean isStudiesBefore2005() {
		return this.studiesBefore2005;
	}

	public void setStudiesBefore2005(boolean studiesBefore2005) {
		this.studiesBefore2005 = studiesBefore2005;
	}

}
