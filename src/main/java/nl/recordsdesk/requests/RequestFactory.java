package nl.recordsdesk.requests;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.recordsdesk.eligibility.EligibilityDecision;
import nl.recordsdesk.eligibility.ItemCode;
import org.jspecify.annotations.Nullable;

/**
 * Makes a new request from the form and the rules' decision: what the requester sent for
 * each item the rules require (a document, or the motivation or statement as text), and
 * either the co-signers' invitations or, for a request entered from paper, the scanned
 * form standing for every signature. {@link Request} then takes it into its first state.
 */
final class RequestFactory {

	private RequestFactory() {
	}

	/**
	 * @throws IllegalArgumentException when the rules refused the requester or the
	 * request lacks what the requester (or, on paper, the desk's scan) must provide
	 */
	static Request.Filing file(NewRequest form, EligibilityDecision decision, Reference reference, Instant now,
			ZoneId zone, @Nullable PaperReceipt paper) {
		if (!decision.entitled()) {
			throw new IllegalArgumentException("The rules did not entitle this requester: " + decision.reasons());
		}
		if (!Delivery.accepts(form.type(), form.delivery())) {
			throw new IllegalArgumentException(form.delivery() + " is no delivery for " + form.type());
		}
		Enclosures enclosures = Enclosures.of(decision.required());
		@Nullable String motivation = requesterItems(form, decision, enclosures, now);
		Request request = new Request(form, decision, reference, motivation, enclosures,
				CoSignatures.signedByRequester(form.signature(), now), now);

		if (paper != null) {
			fromPaper(form, decision, enclosures, now);
			request.enteredFromPaper(form.statusToken(), paper, now, zone);
			return new Request.Filing(request, Map.of());
		}
		Map<CoSignInvitation, SecretToken> links = new LinkedHashMap<>();
		for (ItemCode code : decision.coSignatures()) {
			CoSigner coSigner = form.coSigners()
				.stream()
				.filter((candidate) -> candidate.item() == code)
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Nobody named to provide " + code));
			SecretToken token = SecretToken.generate();
			links.put(request.coSignatures().invite(coSigner, token, now.plus(Request.INVITATION_VALIDITY)), token);
		}
		request.filed(form.statusToken(), links, now, zone);
		return new Request.Filing(request, links);
	}

	/**
	 * What the requester sent for the items they provide.
	 * @return the motivation, when the requester wrote it rather than sent a document
	 */
	private static @Nullable String requesterItems(NewRequest form, EligibilityDecision decision, Enclosures enclosures,
			Instant now) {
		@Nullable String motivation = null;
		for (ItemCode code : decision.required()) {
			if (!Request.REQUESTER_DOCUMENTS.contains(code)) {
				continue;
			}
			UploadedFile file = form.documents().get(code);
			if (code == ItemCode.MOTIVATION && file == null && hasText(form.motivation())) {
				motivation = form.motivation();
				enclosures.satisfy(code, "TEXT", now);
			}
			else if (code == ItemCode.STATEMENT && file == null && hasText(form.details().statement())) {
				enclosures.satisfy(code, "TEXT", now);
			}
			else if (file != null) {
				enclosures.attach(code, file, SignerRole.REQUESTER, now);
			}
			else if (code == ItemCode.REQUESTER_ID && form.signIn() != null) {
				// Only the requester's own ID: whatever the rules ask of others still
				// comes.
				enclosures.satisfy(code, form.signIn().satisfiedBy(), form.signIn().signedInAt());
			}
			else {
				throw new IllegalArgumentException("The requester did not provide " + code);
			}
		}
		if (decision.requires(ItemCode.CORRECTION_DETAILS)) {
			if (!form.details().correctionGiven()) {
				throw new IllegalArgumentException("A correction says what is wrong and what it should be");
			}
			enclosures.satisfy(ItemCode.CORRECTION_DETAILS, "TEXT", now);
		}
		return motivation;
	}

	/**
	 * The scanned form holds every signature; the co-signers' ID copies come with it.
	 */
	private static void fromPaper(NewRequest form, EligibilityDecision decision, Enclosures enclosures, Instant now) {
		RequestDocument scan = enclosures.keep(ItemCode.SIGNED_FORM, scanned(form, ItemCode.SIGNED_FORM),
				SignerRole.REQUESTER, now);
		enclosures.require(ItemCode.SIGNED_FORM);
		enclosures.satisfy(ItemCode.SIGNED_FORM, "DOCUMENT:" + scan.id(), now);
		for (ItemCode code : decision.coSignatures()) {
			SignerRole role = SignerRole.coSignerFor(code);
			enclosures.satisfy(code, "DOCUMENT:" + scan.id(), now);
			ItemCode idItem = role.idItem();
			if (idItem != null && enclosures.requires(idItem)) {
				RequestDocument id = enclosures.keep(idItem, scanned(form, idItem), role, now);
				enclosures.satisfy(idItem, "DOCUMENT:" + id.id(), now);
			}
		}
	}

	private static UploadedFile scanned(NewRequest form, ItemCode code) {
		UploadedFile file = form.documents().get(code);
		if (file == null) {
			throw new IllegalArgumentException("The desk did not scan " + code);
		}
		return file;
	}

	private static boolean hasText(@Nullable String text) {
		return text != null && !text.isBlank();
	}

}
