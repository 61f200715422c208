package nl.recordsdesk.intake;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.recordsdesk.digid.VerifiedRequester;
import nl.recordsdesk.eligibility.EligibilityDecision;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.CoSigner;
import nl.recordsdesk.requests.CopyScope;
import nl.recordsdesk.requests.ImagingStudy;
import nl.recordsdesk.requests.NewRequest;
import nl.recordsdesk.requests.PatientDetails;
import nl.recordsdesk.requests.RecordScope;
import nl.recordsdesk.requests.RequesterDetails;
import nl.recordsdesk.requests.RightDetails;
import nl.recordsdesk.requests.SecretToken;
import nl.recordsdesk.requests.SignedBy;
import nl.recordsdesk.requests.UploadedFile;
import nl.recordsdesk.requests.VerifiedSignIn;
import org.jspecify.annotations.Nullable;

/**
 * A complete {@link RequestDraft} as the request it files ({@link NewRequest}): the
 * answers trimmed, only what the request's type and the rules' answer ask, for the public
 * form and the desk's paper intake alike.
 */
final class DraftedRequest {

	private DraftedRequest() {
	}

	/** The request as it will be filed. Only when every step is complete. */
	static NewRequest of(RequestDraft draft, EligibilityDecision decision, Locale language) {
		WhatForm what = required(draft.what);
		PatientForm patient = required(draft.patient);
		RequesterForm requester = required(draft.requester);
		DeliveryForm delivery = required(draft.delivery);
		RequestType type = draft.type();
		boolean imaging = type == RequestType.IMAGING_COPY;
		List<ImagingStudy> studies = !imaging ? List.of()
				: what.getStudies()
					.stream()
					.filter((row) -> !row.blank())
					.map((row) -> new ImagingStudy(required(row.getKind()).strip(), required(row.getBodyPart()).strip(),
							Texts.trimmed(row.getApproximateDate())))
					.toList();
		Map<ItemCode, UploadedFile> documents = new EnumMap<>(ItemCode.class);
		draft.documents.forEach((item, file) -> {
			// The scanned paper form is the desk's, asked of requests entered from paper.
			if (decision.requires(item) || item == ItemCode.SIGNED_FORM) {
				documents.put(item, file);
			}
		});
		List<CoSigner> coSigners = draft.coSigners.getRows()
			.stream()
			.map((row) -> new CoSigner(required(row.getItem()), required(row.getName()).strip(),
					required(row.getEmail()).strip()))
			.toList();
		LocalDate birthDate = required(patient.getBirthDate());
		return new NewRequest(draft.submissionKey, new SecretToken(draft.statusToken), language, type, scope(what),
				studies, imaging && Boolean.TRUE.equals(what.getStudiesBefore2005()),
				new PatientDetails(required(patient.getName()).strip(), birthDate,
						Texts.trimmed(patient.getPatientNumber()), patient.isDeceased(),
						patient.isDeceased() ? patient.getDateOfDeath() : null),
				what.recordCopy() && patient.isIvfTreatment(),
				new RequesterDetails(required(requester.getRelation()), requester.getParentalAuthority(),
						required(requester.getName()).strip(), required(requester.getEmail()).strip(),
						required(requester.getPhone()).strip(), required(requester.getStreet()).strip(),
						required(requester.getPostalCode()).strip(), required(requester.getCity()).strip()),
				details(what, documents.containsKey(ItemCode.STATEMENT)),
				decision.requires(ItemCode.MOTIVATION) && !documents.containsKey(ItemCode.MOTIVATION)
						? Texts.trimmed(draft.motivationText) : null,
				documents, coSigners, required(delivery.getDelivery()),
				new SignedBy(required(delivery.getSignatureName()).strip(), delivery.drawing()), signIn(draft));
	}

	/**
	 * The sign-in as the request keeps it: level, time, the BSN's lookup key, and the BSN
	 * itself (encrypted) only when the request is about the requester, where the desk
	 * needs it to find the patient.
	 */
	static @Nullable VerifiedSignIn signIn(RequestDraft draft) {
		VerifiedRequester signIn = draft.signIn;
		if (signIn == null) {
			return null;
		}
		return new VerifiedSignIn(signIn.level().name(), signIn.signedInAt(), signIn.bsnKey(),
				draft.aboutSignedIn() ? signIn.sealedBsn() : null);
	}

	/** Which part of the record a copy or a destruction concerns. */
	static CopyScope scope(WhatForm what) {
		if (what.getRequestType() == null) {
			return CopyScope.none();
		}
		return switch (what.getRequestType()) {
			case RECORD_COPY -> new CopyScope(what.getRecordScope(), Texts.trimmed(what.getDepartments()),
					Texts.trimmed(what.getPeriod()),
					what.getDocumentKinds().isEmpty() ? null
							: String.join(",", what.getDocumentKinds().stream().map(Enum::name).toList()),
					what.isExplanationWanted());
			case DESTRUCTION ->
				new CopyScope(what.getDestructionScope(), (what.getDestructionScope() == RecordScope.PARTS)
						? Texts.trimmed(what.getDestructionParts()) : null, null, null, false);
			case ACCESS_LOG_OVERVIEW -> new CopyScope(null, null, Texts.trimmed(what.getLogPeriod()), null, false);
			default -> CopyScope.none();
		};
	}

	/**
	 * What the requester wrote for a right beside a copy; a statement sent as a document
	 * replaces the typed one.
	 */
	static RightDetails details(WhatForm what, boolean statementUploaded) {
		if (what.getRequestType() == null) {
			return RightDetails.none();
		}
		return switch (what.getRequestType()) {
			case ADDITION ->
				new RightDetails(statementUploaded ? null : Texts.trimmed(what.getStatement()), null, null, null);
			case CORRECTION -> new RightDetails(null, Texts.trimmed(what.getCorrectionCurrent()),
					Texts.trimmed(what.getCorrectionProposed()), null);
			case EXPLANATION -> new RightDetails(null, null, null, Texts.trimmed(what.getExplanationTopic()));
			default -> RightDetails.none();
		};
	}

	private static <T> T required(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("The form is not complete");
		}
		return value;
	}

}
