package nl.recordsdesk.requests;

/** How much of the record is asked for. */
public enum RecordScope {

	WHOLE, PARTS

}
