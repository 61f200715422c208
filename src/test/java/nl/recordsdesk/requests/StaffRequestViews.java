package nl.recordsdesk.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.Outcome;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.StaffRequestView.Check;
import org.jspecify.annotations.Nullable;

/**
 * A request as the staff see it, made for a test: a record copy for the patient, sent by
 * post, the ID copy received; the rest as the test says.
 */
public final class StaffRequestViews {

	private StaffRequestViews() {
	}

	public static StaffRequestView view(RequestStatus status, @Nullable String handler, @Nullable Instant verifiedAt,
			LocalDate birthDate, Instant filedAt, Outcome outcome) {
		return view(status, handler, verifiedAt, birthDate, filedAt, outcome, null);
	}

	/** The same, filed by a requester signed in with DigiD. */
	public static StaffRequestView view(RequestStatus status, @Nullable String handler, @Nullable Instant verifiedAt,
			LocalDate birthDate, Instant filedAt, Outcome outcome, @Nullable VerifiedSignIn signIn) {
		return new StaffRequestView("RD-2026-000001", 1, status, RequestType.RECORD_COPY, outcome, filedAt,
				LocalDate.of(2026, 12, 30), null, null, handler, verifiedAt, (verifiedAt != null) ? handler : null,
				CopyScope.none(), List.of(), false, new PatientDetails("Sam Jansen", birthDate, null, false, null),
				false,
				new RequesterDetails(Relation.SELF, null, "Sam Jansen", "sam@example.org", "0612345678", "Kade 1",
						"3011 AB", "Rotterdam"),
				null, Delivery.POST, List.of(), List.of(),
				List.of(new Check(ItemCode.REQUESTER_ID, true, "id.pdf", filedAt)), List.of(), List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of(), null, null, RightDetails.none(), null, null, null, true,
				List.of(), signIn);
	}

}
