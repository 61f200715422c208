package nl.recordsdesk.eligibility;

/** What is asked for. */
public enum RequestType {

	/** A copy of (part of) the medical record. */
	RECORD_COPY,

	/** A copy of radiology images (X-ray, MRI, CT) burnt on a DVD. */
	IMAGING_COPY

}
