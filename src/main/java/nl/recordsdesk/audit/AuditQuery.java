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
 */
record AuditQuery(@Nullable String requestReference, @Nullable String userName, @Nullable LocalDate from,
		@Nullable LocalDate to) {

	static final AuditQuery EVERYTHING = new AuditQuery(null, null, null, null);

	/**
	 * The criteria other than the reference, which has a column of its own in the
	 * auditor's own record.
	 */
	String describe() {
		List<String> parts = new ArrayList<>();
		if (this.userName != null) {
			parts.add("user=" + this.userName);
		}
		if (this.from != null) {
			parts.add("from=" + this.from);
		}
		if (this.to != null) {
			parts.add("to=" + this.to);
		}
		return String.join(" ", parts);
	}

}
