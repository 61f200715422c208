package nl.recordsdesk.intake;

/** Kinds of document a requester can pick when asking for parts of the record. */
enum DocumentKind {

	LETTERS, RESULTS, REPORTS, OPERATIONS, MEDICATION, IMAGING_REPORTS, OTHER

}
