package nl.recordsdesk.digid;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A requester signed in with DigiD at the required level, as the session keeps it. The
 * BSN is never held in the clear: only encrypted ({@link #sealedBsn}, bound to its lookup
 * key) and as a keyed hash ({@link #bsnKey}) that finds the requests filed with it.
 * Neither the token nor any other claim is kept.
 *
 * @param name the name from the broker
 * @param birthDate the birth date from the broker
 * @param level the level of this sign-in
 * @param signedInAt when the broker authenticated the requester
 * @param bsnKey the keyed hash of the BSN: the lookup key of the requester's requests
 * @param sealedBsn the BSN encrypted with the portal's key, bound to {@code bsnKey}
 * @param bsnLastDigits the last three digits, as the desk is shown them
 */
public record VerifiedRequester(String name, LocalDate birthDate, AssuranceLevel level, Instant signedInAt,
		String bsnKey, String sealedBsn, String bsnLastDigits) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * No BSN in logs: the record's default text would hold only its sealed form anyway.
	 */
	@Override
	public String toString() {
		return "VerifiedRequester[" + this.level + ", " + this.signedInAt + "]";
	}

}
