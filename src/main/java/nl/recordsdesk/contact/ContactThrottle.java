package nl.recordsdesk.contact;

import nl.recordsdesk.limits.SharedLimits;

import org.springframework.stereotype.Component;

/**
 * How many messages each client address has sent lately. The portal's general limit on
 * posts (30 a minute) suits forms that are filled in step by step, not a form that puts a
 * message in the desk's inbox and a mail in someone's mailbox: this one allows a few an
 * hour, within a window that moves on. Counted by every instance together
 * ({@link SharedLimits}, in PostgreSQL).
 */
@Component
class ContactThrottle {

	/** The kind of count in {@link SharedLimits}. */
	static final String KIND = "contact";

	/** The stamps of forms that sent their message. */
	static final String USED_STAMP = "contact-stamp";

	private final ContactProperties properties;

	private final SharedLimits limits;

	ContactThrottle(ContactProperties properties, SharedLimits limits) {
		this.properties = properties;
		this.limits = limits;
	}

	/**
	 * Counts a message from the address and answers true, or answers false (and counts
	 * nothing) when the address has sent its share for now.
	 */
	boolean tryTake(String address) {
		return this.limits.tryCount(KIND, address, this.properties.maxPerAddress(), this.properties.addressWindow());
	}

	/**
	 * Takes the form's stamp as used: true the first time, on whichever instance, false
	 * after. A stamp is remembered (as a keyed hash) until it is too old to be accepted
	 * anyway.
	 */
	boolean useStamp(String stamp) {
		return this.limits.tryCount(USED_STAMP, stamp, 1,
				this.properties.maxFormAge().plus(java.time.Duration.ofMinutes(1)));
	}

}
