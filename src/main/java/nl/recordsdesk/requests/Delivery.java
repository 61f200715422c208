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
	PICKUP_RADIOLOGY,

	/**
	 * Nothing to hand over: the hospital carries the request out and tells the requester
	 * by e-mail (an addition, correction, destruction or explanation).
	 */
	ANSWER_BY_EMAIL;

	/**
	 * The ways the answer to a request of this type can reach the requester, with the
	 * hospital's PACS connected or not: with it, images go by secure download too (a ZIP
	 * of the DICOM files, no fee), the DVD still there for who prefers it.
	 */
	public static Delivery[] forType(RequestType type, boolean imagingDownload) {
		if (imagingDownload && type == RequestType.IMAGING_COPY) {
			return new Delivery[] { SECURE_DOWNLOAD, PICKUP_RADIOLOGY };
		}
		return forType(type);
	}

	/** Whether a filed request of this type may be answered this way. */
	public static boolean accepts(RequestType type, Delivery delivery) {
		return java.util.Arrays.asList(forType(type, true)).contains(delivery);
	}

	/** The ways the answer to a request of this type can reach the requester. */
	public static Delivery[] forType(RequestType type) {
		if (!type.deliversCopy()) {
			return new Delivery[] { ANSWER_BY_EMAIL };
		}
		return (type == RequestType.IMAGING_COPY) ? new Delivery[] { PICKUP_RADIOLOGY }
				: new Delivery[] { PICKUP_DESK, POST, SECURE_DOWNLOAD };
	}

}
