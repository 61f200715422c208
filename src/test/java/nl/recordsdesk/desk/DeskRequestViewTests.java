package nl.recordsdesk.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import nl.recordsdesk.desk.DeskRequestView.Check;
import nl.recordsdesk.desk.DeskRequestView.Entry;
import nl.recordsdesk.desk.DeskRequestView.NextAction;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.Outcome;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.CopyScope;
import nl.recordsdesk.requests.Delivery;
import nl.recordsdesk.requests.PatientDetails;
import nl.recordsdesk.requests.RequestEvent;
import nl.recordsdesk.requests.RequestStatus;
import nl.recordsdesk.requests.RequesterDetails;
import nl.recordsdesk.requests.RightDetails;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the request page shows first: the patient's age on the day the request was filed,
 * and the one next action the state allows the member looking at it.
 */
class DeskRequestViewTests {

	static final String ME = "bo";

	@Test
	void theAgeIsTheAgeOnTheDayTheRequestWasFiledInAmsterdam() {
		LocalDate birth = LocalDate.of(2010, 12, 2);
		// 1 December, 23:30 UTC is 2 December, 00:30 in Amsterdam: the 16th birthday.
		assertThat(view(RequestStatus.SUBMITTED, null, null, birth, Instant.parse("2026-12-01T23:30:00Z"))
			.patientAgeAtRequest()).isEqualTo(16);
		assertThat(view(RequestStatus.SUBMITTED, null, null, birth, Instant.parse("2026-12-01T22:30:00Z"))
			.patientAgeAtRequest()).isEqualTo(15);
		assertThat(view(RequestStatus.SUBMITTED, null, null, birth, Instant.parse("2026-12-01T22:30:00Z")).filedOn())
			.isEqualTo(LocalDate.of(2026, 12, 1));
	}

	@Test
	void theNextActionFollowsTheStateAndWhoHandlesIt() {
		assertThat(view(RequestStatus.SUBMITTED, null, null).nextAction(ME)).isEqualTo(NextAction.CLAIM);
		assertThat(view(RequestStatus.IN_REVIEW, ME, null).nextAction(ME)).isEqualTo(NextAction.VERIFY);
		assertThat(view(RequestStatus.IN_REVIEW, ME, Instant.now()).nextAction(ME)).isEqualTo(NextAction.APPROVE);
		assertThat(view(RequestStatus.IN_REVIEW, "kim", null).nextAction(ME)).isEqualTo(NextAction.TAKE_OVER);
		assertThat(view(RequestStatus.APPROVED, ME, Instant.now()).nextAction(ME)).isEqualTo(NextAction.PREPARE);
		assertThat(view(RequestStatus.IN_PREPARATION, ME, Instant.now()).nextAction(ME)).isEqualTo(NextAction.READY);
		assertThat(view(RequestStatus.READY, ME, Instant.now()).nextAction(ME)).isEqualTo(NextAction.DELIVER);
		// Waiting for someone else, or closed: nothing is the next action.
		assertThat(view(RequestStatus.AWAITING_REQUESTER, null, null).nextAction(ME)).isNull();
		assertThat(view(RequestStatus.AWAITING_SIGNATURES, null, null).nextAction(ME)).isNull();
		assertThat(view(RequestStatus.DELIVERED, ME, Instant.now()).nextAction(ME)).isNull();
	}

	@Test
	void aPhysicianDecidesSoTheDeskForwardsInsteadOfApproving() {
		assertThat(view(RequestStatus.IN_REVIEW, ME, Instant.now(), Outcome.PHYSICIAN_REVIEW).nextAction(ME))
			.isEqualTo(NextAction.FORWARD);
		assertThat(view(RequestStatus.PHYSICIAN_REVIEW, ME, Instant.now(), Outcome.PHYSICIAN_REVIEW).nextAction(ME))
			.isNull();
	}

	@Test
	void aDocumentSentAfterwardsNamesItsItemAndAnyOtherDetailNone() {
		Instant at = Instant.now();
		assertThat(new Entry(at, RequestEvent.Type.DOCUMENT_PROVIDED, RequestStatus.SUBMITTED, RequestStatus.SUBMITTED,
				"REQUESTER", "REQUESTER", "REQUESTER_ID")
			.providedItem()).isEqualTo(ItemCode.REQUESTER_ID);
		assertThat(new Entry(at, RequestEvent.Type.DOCUMENT_PROVIDED, RequestStatus.SUBMITTED, RequestStatus.SUBMITTED,
				"REQUESTER", "REQUESTER", "NO_SUCH_ITEM")
			.providedItem()).isNull();
		assertThat(new Entry(at, RequestEvent.Type.HANDED_OVER, RequestStatus.IN_REVIEW, RequestStatus.IN_REVIEW, ME,
				null, "REQUESTER_ID")
			.providedItem()).isNull();
	}

	static DeskRequestView view(RequestStatus status, @Nullable String handler, @Nullable Instant verifiedAt) {
		return view(status, handler, verifiedAt, Outcome.RECORDS_DESK);
	}

	static DeskRequestView view(RequestStatus status, @Nullable String handler, @Nullable Instant verifiedAt,
			Outcome outcome) {
		return view(status, handler, verifiedAt, LocalDate.of(1980, 3, 3), Instant.parse("2026-11-30T09:00:00Z"),
				outcome);
	}

	static DeskRequestView view(RequestStatus status, @Nullable String handler, @Nullable Instant verifiedAt,
			LocalDate birthDate, Instant filedAt) {
		return view(status, handler, verifiedAt, birthDate, filedAt, Outcome.RECORDS_DESK);
	}

	static DeskRequestView view(RequestStatus status, @Nullable String handler, @Nullable Instant verifiedAt,
			LocalDate birthDate, Instant filedAt, Outcome outcome) {
		return new DeskRequestView("RD-2026-000001", 1, status, RequestType.RECORD_COPY, outcome, filedAt,
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
