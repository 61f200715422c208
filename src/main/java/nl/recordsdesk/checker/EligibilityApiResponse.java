package nl.recordsdesk.checker;

import java.util.List;

import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.NoticeCode;
import nl.recordsdesk.eligibility.Outcome;
import nl.recordsdesk.eligibility.ReasonCode;

/** The JSON answer of {@code POST /api/v1/eligibility}. */
record EligibilityApiResponse(Outcome outcome, List<ItemCode> required, List<ReasonView> reasons,
		List<NoticeCode> notices) {

	record ReasonView(ReasonCode code, String message) {
	}

}
