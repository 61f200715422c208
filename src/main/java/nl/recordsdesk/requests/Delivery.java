package nl.recordsdesk.requests;

import nl.recordsdesk.eligibility.RequestType;

/** How the requester receives the copy. */
public enum Delivery {

	/** Collected at the records desk, with ID shown. */
	PICKUP_DESK,

	/** Sent by post to the requester's address. */
	POST,

	/** Downloaded through a link that expires. */
	SECURE_DOWNLOAD,

	/** A DVD collected at the radiology desk: fee by debit card, ID shown. */
	PICKUP_RADIOLOGY;

	/** The ways a copy of this type can be delivered. */
	public static Delivery[] forType(RequestType type) {
		return (type == RequestType.IMAGING_COPY) ? new Delivery[] { PICKUP_RADIOLOGY }
				: new Delivery[] { PICKUP_DESK, POST, SECURE_DOWNLOAD };
	}

}
