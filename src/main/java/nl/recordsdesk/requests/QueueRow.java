package nl.recordsdesk.requests;

import java.time.Instant;
import java.time.LocalDate;

import nl.recordsdesk.eligibility.Outcome;
import nl.recordsdesk.eligibility.RequestType;
import org.jspecify.annotations.Nullable;

/** One line of the desk's queue: what the list shows, and nothing it does not. */
public record QueueRow(String reference, RequestStatus status, RequestType type, Outcome outcome,
		@Nullable LocalDate dueDate, String patientName, @Nullable String assignedTo, Instant filedAt,
		@Nullable String departments) {

	/**
	 * Whether the requester named one of these departments (as free text, so by
	 * containment).
	 */
	public boolean concerns(java.util.Collection<String> anyOf) {
		if (this.departments == null) {
			return false;
		}
		String named = this.departments.toLowerCase(java.util.Locale.ROOT);
		return anyOf.stream().anyMatch((department) -> named.contains(department.toLowerCase(java.util.Locale.ROOT)));
	}

}
