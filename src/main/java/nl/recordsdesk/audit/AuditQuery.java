package nl.recordsdesk.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the auditor searches for; each criterion left out matches everything.
 *
 * @param requestReference records about this request
 * @param userName records of this user, in any case
 * @param from records from the start of this day (the hospital's time zone)
 * @param to records up to the end of this day (the hospital's time zone)
 * @param action records of this action only
 * @param patient records about this patient's requests, recordings and contact messages
 */
record AuditQuery(@Nullable String requestReference, @Nullable String userName, @Nullable LocalDate from,
		@Nullable LocalDate to, @Nullable AuditAction action, @Nullable Patient patient) {

	static final AuditQuery EVERYTHING = new AuditQuery(null, null, null, null);

	AuditQuery(@Nullable String requestReference, @Nullable String userName, @Nullable LocalDate from,
			@Nullable LocalDate to) {
		this(requestReference, userName, from, to, null, null);
	}

	/**
	 * By what the auditor searched, for the search's own record: the kinds of criteria
	 * and the chosen action, never what was typed (a patient's name may be typed in any
	 * field, and the trail keeps what it holds for good).
	 */
	String describe() {
		List<String> parts = new ArrayList<>();
		if (this.requestReference != null) {
			parts.add("by reference");
		}
		if (this.userName != null) {
			parts.add("by user");
		}
		if (this.patient != null) {
			parts.add("by patient");
		}
		if (this.action != null) {
			parts.add("action=" + this.action.name());
		}
		if (this.from != null || this.to != null) {
			parts.add("by period");
		}
		return String.join(", ", parts);
	}

	/**
	 * A patient, as the auditor typed them.
	 *
	 * @param name the name
	 * @param birthDate the birth date
	 */
	record Patient(String name, LocalDate birthDate) {

	}

}
