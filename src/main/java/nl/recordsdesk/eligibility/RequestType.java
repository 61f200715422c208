package nl.recordsdesk.eligibility;

/**
 * What is asked for: a copy, or one of the other rights a patient holds over their
 * record. Each type has its own answer term and route ({@code docs/request-types.md}).
 */
public enum RequestType {

	/** A copy of (part of) the medical record (art. 7:456 BW, GDPR art. 15). */
	RECORD_COPY(1, true, true),

	/** A copy of radiology images (X-ray, MRI, CT) burnt on a DVD. */
	IMAGING_COPY(1, true, true),

	/** The patient's own statement added to the record (art. 7:454 lid 2 BW). */
	ADDITION(1, true, false),

	/** Factual data corrected (GDPR art. 16). */
	CORRECTION(1, true, false),

	/**
	 * (Parts of) the record destroyed (art. 7:455 BW): answered within three months, a
	 * term the law does not let the hospital extend.
	 */
	DESTRUCTION(3, false, false),

	/**
	 * An overview of who accessed or received which data, and when (art. 15e Wabvpz).
	 */
	ACCESS_LOG_OVERVIEW(1, true, true),

	/** A conversation with the treating physician who explains the record. */
	EXPLANATION(1, true, false);

	private final int answerWithinMonths;

	private final boolean extensible;

	private final boolean deliversCopy;

	RequestType(int answerWithinMonths, boolean extensible, boolean deliversCopy) {
		this.answerWithinMonths = answerWithinMonths;
		this.extensible = extensible;
		this.deliversCopy = deliversCopy;
	}

	/**
	 * The answer is due this many calendar months after the request is complete: one
	 * (GDPR art. 12(3)), three for destruction (art. 7:455 lid 2 BW).
	 */
	public int answerWithinMonths() {
		return this.answerWithinMonths;
	}

	/**
	 * Whether the desk may extend the term once by up to two months (GDPR art. 12(3)).
	 */
	public boolean extensible() {
		return this.extensible;
	}

	/**
	 * Whether the answer is something handed over (a copy, a DVD, an overview), rather
	 * than something the hospital does and confirms.
	 */
	public boolean deliversCopy() {
		return this.deliversCopy;
	}

	/**
	 * Whether next of kin of a deceased patient may ask for it: a copy or an explanation
	 * only; the other rights end with the patient.
	 */
	public boolean openAfterDeath() {
		return this == RECORD_COPY || this == IMAGING_COPY || this == EXPLANATION;
	}

}
