package nl.recordsdesk.requests;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * The requester proved who they are by signing in (DigiD) at the level the hospital
 * requires: what satisfied their ID, instead of a copy. Never the token. The BSN only as
 * the portal can use it: a keyed hash that finds the requester's requests, and, when the
 * request is about the requester themself, the BSN encrypted (bound to that hash) for the
 * desk to find the patient.
 *
 * @param level the sign-in's level ({@code SUBSTANTIEEL}, {@code HOOG})
 * @param signedInAt when the requester was authenticated
 * @param bsnKey the keyed hash of the requester's BSN
 * @param sealedPatientBsn the patient's BSN, encrypted; only when the requester is the
 * patient
 */
@Embeddable
public record VerifiedSignIn(@Column(name = "sign_in_level") String level,
		@Column(name = "sign_in_at") Instant signedInAt, @Column(name = "requester_bsn_key") String bsnKey,
		@Column(name = "patient_bsn_sealed") @Nullable String sealedPatientBsn) {

	/** How the item it satisfied names it: {@code SIGN_IN:<level>}. */
	String satisfiedBy() {
		return "SIGN_IN:" + this.level;
	}

}
