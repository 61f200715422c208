package nl.recordsdesk.digid;

/** DigiD's assurance levels, lowest first (eIDAS: low, substantial, high). */
public enum AssuranceLevel {

	/** Username and password. */
	BASIS,

	/** Username and password with an SMS code. */
	MIDDEN,

	/** The DigiD app with the identity document checked (ID check). */
	SUBSTANTIEEL,

	/** The DigiD app with the identity document's chip read at every sign-in. */
	HOOG;

	public boolean atLeast(AssuranceLevel minimum) {
		return compareTo(minimum) >= 0;
	}

}
