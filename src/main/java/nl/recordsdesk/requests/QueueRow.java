package nl.recordsdesk.requests;

import java.time.Instant;
import java.time.LocalDate;

import nl.recordsdesk.eligibility.Outcome;
import nl.recordsdesk.eligibility.RequestType;
import org.jspecify.annotations.Nullable;

/** One line of the desk's queue: what the list shows, and nothing it does not. */
public record QueueRow(String reference, RequestStatus status, RequestType type, Outcome outcome,
		@Nullable LocalDate dueDate, String patientName, @Nullable String assignedTo, Instant filedAt) {

}
