package nl.recordsdesk.eligibility;

/** The parental authority (gezag) a parent holds over the patient. */
public enum ParentalAuthority {

	/** Both parents hold authority together. */
	JOINT,

	/** This parent alone holds authority. */
	SOLE,

	/** This parent holds no authority. */
	NONE

}
