package nl.recordsdesk.uploads;

/** What the virus scanner said about an accepted upload. */
public enum ScanStatus {

	/** clamd scanned the file and found nothing. */
	CLEAN,

	/**
	 * clamd is configured but could not give an answer (unreachable, timed out, error).
	 * Keep the file, but do not show it to anyone until a scan says it is clean.
	 */
	PENDING,

	/** No clamd is configured: nothing scanned the file. */
	NOT_CONFIGURED,

	/**
	 * A later scan of a file kept pending found a virus: it is never shown or sent to
	 * anyone.
	 */
	INFECTED;

	/** Whether staff or a requester may open a file with this status. */
	public boolean viewable() {
		return this == CLEAN || this == NOT_CONFIGURED;
	}

}
