package nl.recordsdesk.audit;

import java.time.LocalDate;
import java.util.Locale;

import nl.recordsdesk.TypedDate;
import nl.recordsdesk.audit.AuditQuery.Patient;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * The auditor's search form. A bean rather than a record, like the other forms: a date
 * that cannot be read leaves its error on its own field and keeps the other answers.
 */
class AuditSearchForm {

	static final int MAX_LENGTH = 100;

	private @Nullable String reference;

	private @Nullable String user;

	/** Typed the Dutch way (1-11-2026); ISO dates, slashes and dots are read too. */
	@TypedDate
	private @Nullable LocalDate from;

	@TypedDate
	private @Nullable LocalDate to;

	/** The {@link AuditAction}'s name; blank for every action. */
	private @Nullable String action;

	/** Only posted, never in an address: a patient's name. */
	private @Nullable String patientName;

	@TypedDate
	private @Nullable LocalDate patientBirthDate;

	void validate(Errors errors) {
		if (length(this.reference) > MAX_LENGTH) {
			errors.rejectValue("reference", "audit.search.reference.tooLong", new Object[] { MAX_LENGTH }, null);
		}
		if (length(this.user) > MAX_LENGTH) {
			errors.rejectValue("user", "audit.search.user.tooLong", new Object[] { MAX_LENGTH }, null);
		}
		if (length(this.patientName) > MAX_LENGTH) {
			errors.rejectValue("patientName", "audit.search.patientName.tooLong", new Object[] { MAX_LENGTH }, null);
		}
		else if (length(this.patientName) > 0 && this.patientBirthDate == null
				&& !errors.hasFieldErrors("patientBirthDate")) {
			errors.rejectValue("patientBirthDate", "audit.search.patientBirthDate.required");
		}
		else if (length(this.patientName) == 0 && this.patientBirthDate != null) {
			errors.rejectValue("patientName", "audit.search.patientName.required");
		}
		if (blankToNull(this.action) != null && action() == null) {
			errors.rejectValue("action", "audit.search.action.unknown");
		}
		if (this.from != null && this.to != null && this.to.isBefore(this.from) && !errors.hasFieldErrors("to")) {
			errors.rejectValue("to", "audit.search.to.beforeFrom");
		}
	}

	/**
	 * The criteria as the records hold them: references in capitals, as the portal writes
	 * them; blanks as no criterion.
	 */
	AuditQuery toQuery() {
		String reference = blankToNull(this.reference);
		String name = blankToNull(this.patientName);
		return new AuditQuery((reference != null) ? reference.toUpperCase(Locale.ROOT) : null, blankToNull(this.user),
				this.from, this.to, action(),
				(name != null && this.patientBirthDate != null) ? new Patient(name, this.patientBirthDate) : null);
	}

	/** Whether a patient was asked for: such a search is posted, never in an address. */
	boolean byPatient() {
		return blankToNull(this.patientName) != null || this.patientBirthDate != null;
	}

	private @Nullable AuditAction action() {
		String name = blankToNull(this.action);
		if (name == null) {
			return null;
		}
		for (AuditAction candidate : AuditAction.values()) {
			if (candidate.name().equals(name)) {
				return candidate;
			}
		}
		return null;
	}

	private static int length(@Nullable String text) {
		return (text != null) ? text.strip().length() : 0;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	public @Nullable String getReference() {
		return this.reference;
	}

	public void setReference(@Nullable String reference) {
		this.reference = reference;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable LocalDate getFrom() {
		return this.from;
	}

	public void setFrom(@Nullable LocalDate from) {
		this.from = from;
	}

	public @Nullable String getAction() {
		return this.action;
	}

	public void setAction(@Nullable String action) {
		this.action = action;
	}

	public @Nullable String getPatientName() {
		return this.patientName;
	}

	public void setPatientName(@Nullable String patientName) {
		this.patientName = patientName;
	}

	public @Nullable LocalDate getPatientBirthDate() {
		return this.patientBirthDate;
	}

	public void setPatientBirthDate(@Nullable LocalDate patientBirthDate) {
		this.patientBirthDate = patientBirthDate;
	}

	public @Nullable LocalDate getTo() {
		return this.to;
	}

	public void setTo(@Nullable LocalDate to) {
		this.to = to;
	}

}
