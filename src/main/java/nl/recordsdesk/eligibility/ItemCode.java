package nl.recordsdesk.eligibility;

/** Something a request must carry before it can be handled. */
public enum ItemCode {

	/** A copy of the requester's valid ID. */
	REQUESTER_ID,

	/** The signature of the second parent with authority. */
	SECOND_PARENT_SIGNATURE,

	/** A copy of the second parent's valid ID. */
	SECOND_PARENT_ID,

	/** The signature of a patient aged 12 to 15 who agrees with the request. */
	PATIENT_CONSENT,

	/** The patient's written authorization. */
	AUTHORIZATION,

	/** The signature of the partner in an IVF/ICSI treatment. */
	PARTNER_SIGNATURE,

	/** A copy of the IVF/ICSI partner's valid ID. */
	PARTNER_ID,

	/** A written explanation of why a deceased patient's record is wanted. */
	MOTIVATION,

	/** An extract from the custody register showing sole parental authority. */
	SOLE_CUSTODY_PROOF,

	/** The court decision appointing the guardian. */
	GUARDIANSHIP_PROOF,

	/** The patient's own statement to add to the record. */
	STATEMENT,

	/** What is wrong in the record and what it should say. */
	CORRECTION_DETAILS,

	/**
	 * The request form signed on paper, scanned by the desk: required of a request the
	 * desk entered from paper (never by the rules), and the place of every signature on
	 * it.
	 */
	SIGNED_FORM;

	/**
	 * Whether someone other than the requester provides this item by signing through
	 * their own link.
	 */
	public boolean isCoSignature() {
		return this == SECOND_PARENT_SIGNATURE || this == PATIENT_CONSENT || this == PARTNER_SIGNATURE;
	}

}
