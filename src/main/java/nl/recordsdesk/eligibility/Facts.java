package nl.recordsdesk.eligibility;

import org.jspecify.annotations.Nullable;

/**
 * A validated question as the rules read it, with the patient's age band worked out for
 * the day of the request.
 */
record Facts(RequestType requestType, AgeBand ageBand, boolean deceased, Relation relation,
		@Nullable ParentalAuthority parentalAuthority, boolean ivfTreatment, boolean studiesBefore2005) {

	boolean living() {
		return !this.deceased;
	}

	boolean recordCopy() {
		return this.requestType == RequestType.RECORD_COPY;
	}

	boolean imagingCopy() {
		return this.requestType == RequestType.IMAGING_COPY;
	}

}
