package nl.recordsdesk.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.Outcome;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.CopyScope;
import nl.recordsdesk.requests.Delivery;
import nl.recordsdesk.requests.PatientDetails;
import nl.recordsdesk.requests.RequestStatus;
import nl.recordsdesk.requests.RequesterDetails;
import nl.recordsdesk.requests.RightDetails;
import nl.recordsdesk.requests.StaffRequestView;
import nl.recordsdesk.requests.StaffRequestView.Check;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the desk's request page shows first: the one next action the state allows the
 * member looking at it.
 */
class NextActionTests {

	static final String ME = "bo";

	@Test
	void theNextActionFollowsTheStateAndWhoHandlesIt() {
		assertThat(next(view(RequestStatus.SUBMITTED, null, null))).isEqualTo(NextAction.CLAIM);
		assertThat(next(view(RequestStatus.IN_REVIEW, ME, null))).isEqualTo(NextAction.VERIFY);
		assertThat(next(view(RequestStatus.IN_REVIEW, ME, Instant.now()))).isEqualTo(NextAction.APPROVE);
		assertThat(next(view(RequestStatus.IN_REVIEW, "kim", null))).isEqualTo(NextAction.TAKE_OVER);
		assertThat(next(view(RequestStatus.APPROVED, ME, Instant.now()))).isEqualTo(NextAction.PREPARE);
		assertThat(next(view(RequestStatus.IN_PREPARATION, ME, Instant.now()))).isEqualTo(NextAction.READY);
		assertThat(next(view(RequestStatus.READY, ME, Instant.now()))).isEqualTo(NextAction.DELIVER);
		// Waiting for someone else, or closed: nothing is the next action.
		assertThat(next(view(RequestStatus.AWAITING_REQUESTER, null, null))).isNull();
		assertThat(next(view(RequestStatus.AWAITING_SIGNATURES, null, null))).isNull();
		assertThat(next(view(RequestStatus.DELIVERED, ME, Instant.now()))).isNull();
	}

	@Test
	void aPhysicianDecidesSoTheDeskForwardsInsteadOfApproving() {
		assertThat(next(view(RequestStatus.IN_REVIEW, ME, Instant.now(), Outcome.PHYSICIAN_REVIEW)))
			.isEqualTo(NextAction.FORWARD);
		assertThat(next(view(RequestStatus.PHYSICIAN_REVIEW, ME, Instant.now(), Outcome.PHYSICIAN_REVIEW))).isNull();
	}

	static @Nullable NextAction next(StaffRequestView request) {
		return NextAction.of(request, ME);
	}

	static StaffRequestView view(RequestStatus status, @Nullable String handler, @Nullable Instant verifiedAt) {
		return view(status, handler, verifiedAt, Outcome.RECORDS_DESK);
	}

	static StaffRequestView view(RequestStatus status, @Nullable String handler, @Nullable Instant verifiedAt,
			Outcome outcome) {
		return view(status, handler, verifiedAt, LocalDate.of(1980, 3, 3), Instant.parse("2026-11-30T09:00:00Z"),
				outcome);
	}

	static StaffRequestView view(RequestStatus status, @Nullable String handler, @Nullable Instant verifiedAt,
			LocalDate birthDate, Instant filedAt, Outcome outcome) {
		return new StaffRequestView("RD-2026-000001", 1, status, RequestType.RECORD_COPY, outcome, filedAt,
				LocalDate.of(2026, 12, 30), null, null, handler, verifiedAt, (verifiedAt != null) ? handler : null,
				CopyScope.none(), List.of(), false, new PatientDetails("Sam Jansen", birthDate, null, false, null),
				false,
				new RequesterDetails(Relation.SELF, null, "Sam Jansen", "sam@example.org", "0612345678", "Kade 1",
						"3011 AB", "Rotterdam"),
				null, Delivery.POST, List.of(), List.of(),
				List.of(new Check(ItemCode.REQUESTER_ID, true, "id.pdf", filedAt)), List.of(), List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of(), null, null, RightDetails.none(), null, null, null, true,
				List.of());
	}

}
