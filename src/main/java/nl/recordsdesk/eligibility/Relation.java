package nl.recordsdesk.eligibility;

/** Who the requester is to the patient. */
public enum Relation {

	/** The patient. */
	SELF,

	/** A parent of the patient; parental authority decides what a parent may receive. */
	PARENT,

	/** The court-appointed guardian (voogd) of a minor patient. */
	GUARDIAN,

	/** Anyone holding the patient's written authorization (machtiging). */
	AUTHORIZED_PERSON,

	/** A relative or heir of a deceased patient. */
	NEXT_OF_KIN

}
