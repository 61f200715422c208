package nl.recordsdesk.requests;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.RequestType;
import org.jspecify.annotations.Nullable;

/**
 * Everything a requester entered in the form, ready to be filed.
 *
 * @param submissionKey one key per filled-in form: filing it twice files one request
 * @param statusToken the secret of the requester's status link
 * @param language the language the requester used, for every later message
 * @param details what the requester wrote for a right beside a copy
 * @param motivation the motivation when written rather than uploaded
 * @param documents the requester's uploads, by the item each satisfies
 * @param signIn the requester's sign-in at the required level, which stands for their ID
 * copy; null without one
 */
public record NewRequest(UUID submissionKey, SecretToken statusToken, Locale language, RequestType type,
		CopyScope scope, List<ImagingStudy> studies, boolean studiesBefore2005, PatientDetails patient,
		boolean ivfTreatment, RequesterDetails requester, RightDetails details, @Nullable String motivation,
		Map<ItemCode, UploadedFile> documents, List<CoSigner> coSigners, Delivery delivery, SignedBy signature,
		@Nullable VerifiedSignIn signIn) {

	/** A request filed without a sign-in. */
	public NewRequest(UUID submissionKey, SecretToken statusToken, Locale language, RequestType type, CopyScope scope,
			List<ImagingStudy> studies, boolean studiesBefore2005, PatientDetails patient, boolean ivfTreatment,
			RequesterDetails requester, RightDetails details, @Nullable String motivation,
			Map<ItemCode, UploadedFile> documents, List<CoSigner> coSigners, Delivery delivery, SignedBy signature) {
		this(submissionKey, statusToken, language, type, scope, studies, studiesBefore2005, patient, ivfTreatment,
				requester, details, motivation, documents, coSigners, delivery, signature, null);
	}

}
