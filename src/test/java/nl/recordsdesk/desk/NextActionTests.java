package nl.recordsdesk.desk;

import java.time.Instant;
import java.time.LocalDate;

import nl.recordsdesk.eligibility.Outcome;
import nl.recordsdesk.requests.RequestStatus;
import nl.recordsdesk.requests.StaffRequestView;
import nl.recordsdesk.requests.StaffRequestViews;
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
		return StaffRequestViews.view(status, handler, verifiedAt, birthDate, filedAt, outcome);
	}

}
