package nl.recordsdesk.eligibility;

/** Something the requester must be told before filing. */
public enum NoticeCode {

	/** IVF/ICSI: the desk cannot hand the copy over on the same day. */
	NO_EXPEDITED_DESK_HANDLING,

	/** The imaging DVD costs a fee, paid by debit card only. */
	DVD_FEE_PIN_ONLY,

	/** A valid ID must be shown before the DVD is handed over. */
	SHOW_ID_AT_PICKUP,

	/** Studies from before 2005: phone the radiology department first. */
	CALL_RADIOLOGY_FIRST

}
