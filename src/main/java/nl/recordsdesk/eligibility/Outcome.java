package nl.recordsdesk.eligibility;

/** What happens with a request. */
public enum Outcome {

	/** The records desk handles it once the required items are in. */
	RECORDS_DESK,

	/** A physician decides before anything is released. */
	PHYSICIAN_REVIEW,

	/** This requester cannot receive this copy. */
	NOT_ENTITLED

}
