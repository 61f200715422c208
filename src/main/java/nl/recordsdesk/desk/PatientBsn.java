package nl.recordsdesk.desk;

import nl.recordsdesk.accounts.StoredSecrets;
import nl.recordsdesk.requests.StaffRequestView;
import nl.recordsdesk.requests.VerifiedSignIn;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The patient's BSN from the requester's DigiD sign-in, where the request has one (filed
 * signed in, about the requester themselves): opened from its encrypted column for the
 * EHR search only, and shown to the desk masked. Never logged, never put in a model
 * whole.
 */
@Component
class PatientBsn {

	private final StoredSecrets secrets;

	PatientBsn(StoredSecrets secrets) {
		this.secrets = secrets;
	}

	/**
	 * The BSN, or null when the request has none (no sign-in, or filed for someone else).
	 */
	@Nullable String of(StaffRequestView request) {
		VerifiedSignIn signIn = request.signIn();
		if (signIn == null || signIn.sealedPatientBsn() == null) {
			return null;
		}
		return this.secrets.decrypt(signIn.sealedPatientBsn(), signIn.bsnKey());
	}

	/**
	 * As the desk is shown it: only its last three digits ({@code ******123}); or null.
	 */
	@Nullable String masked(StaffRequestView request) {
		String bsn = of(request);
		return (bsn != null) ? "******" + bsn.substring(Math.max(0, bsn.length() - 3)) : null;
	}

}
