package nl.recordsdesk.eligibility;

/**
 * Why a decision came out as it did. The first four explain a
 * {@link Outcome#NOT_ENTITLED} answer; the others explain an outcome or a requirement.
 */
public enum ReasonCode {

	/** The patient is 16 or older and decides alone. */
	PATIENT_DECIDES_FROM_16(true),

	/** A patient under 12 cannot file; a parent with authority or the guardian does. */
	UNDER_12_PARENTS_REQUEST(true),

	/** A parent without parental authority has no right to a copy. */
	NO_PARENTAL_AUTHORITY(true),

	/** A relative of a living patient needs the patient's written authorization. */
	AUTHORIZATION_REQUIRED(true),

	/**
	 * Next of kin of a deceased patient may ask for a copy or an explanation only; the
	 * other rights over the record end with the patient.
	 */
	DECEASED_COPY_OR_EXPLANATION_ONLY(true),

	/** Patients of 16 and older request their own record with their ID. */
	OWN_REQUEST(false),

	/** From 12 a patient may ask for their own record. */
	OWN_REQUEST_FROM_12(false),

	/** The requester acts on the patient's written authorization. */
	AUTHORIZED_BY_PATIENT(false),

	/**
	 * For a child under 16 the authorization is signed by those with parental authority.
	 */
	AUTHORIZED_BY_PARENTS(false),

	/** A parent of a child under 12 needs no authorization from the child. */
	PARENT_OF_CHILD_UNDER_12(false),

	/** With joint authority both parents sign a record copy and both send their ID. */
	BOTH_PARENTS_SIGN(false),

	/** For imaging, one parent with authority suffices. */
	ONE_PARENT_SUFFICES(false),

	/**
	 * A parent with sole authority shows it with an extract from the custody register.
	 */
	SOLE_AUTHORITY_SHOWN(false),

	/** A guardian shows the court decision that appointed them. */
	GUARDIAN_APPOINTED(false),

	/** A patient aged 12 to 15 co-signs a request filed by someone else. */
	CHILD_12_TO_15_CONSENTS(false),

	/**
	 * A deceased patient's record is released only after a physician weighs the request.
	 */
	DECEASED_PHYSICIAN_DECIDES(false),

	/** The authorization of a deceased patient is one they gave in life. */
	AUTHORIZATION_GIVEN_IN_LIFE(false),

	/** An IVF/ICSI record concerns the partner too, who signs and sends their ID. */
	IVF_PARTNER_SIGNS(false),

	/** The patient's statement is added to the record (art. 7:454 lid 2 BW). */
	STATEMENT_ADDED(false),

	/** Factual data that are wrong are corrected (GDPR art. 16). */
	FACTUAL_DATA_CORRECTED(false),

	/**
	 * The record is destroyed unless a physician finds a legal exception; answered within
	 * three months (art. 7:455 BW).
	 */
	DESTRUCTION_PHYSICIAN_CHECKS(false),

	/** The overview lists who accessed or received which data, and when. */
	ACCESS_LOG_LISTED(false),

	/** The treating physician explains the record in a conversation. */
	EXPLANATION_BY_PHYSICIAN(false);

	private final boolean refusal;

	ReasonCode(boolean refusal) {
		this.refusal = refusal;
	}

	/** Whether this reason explains why a requester is not entitled. */
	public boolean isRefusal() {
		return this.refusal;
	}

}
