package nl.recordsdesk.requests;

import java.time.Instant;
import java.time.LocalDate;

import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.Outcome;
import nl.recordsdesk.requests.StaffRequestViews;
import nl.recordsdesk.requests.StaffRequestView.Entry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request as staff see it: the patient's age on the day the request was filed, and what
 * a history entry names.
 */
class StaffRequestViewTests {

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

	static StaffRequestView view(RequestStatus status, @Nullable String handler, @Nullable Instant verifiedAt,
			LocalDate birthDate, Instant filedAt) {
		return view(status, handler, verifiedAt, birthDate, filedAt, Outcome.RECORDS_DESK);
	}

	static StaffRequestView view(RequestStatus status, @Nullable String handler, @Nullable Instant verifiedAt,
			LocalDate birthDate, Instant filedAt, Outcome outcome) {
		return StaffRequestViews.view(status, handler, verifiedAt, birthDate, filedAt, outcome);
	}

}
