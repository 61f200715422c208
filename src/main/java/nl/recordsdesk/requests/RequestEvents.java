package nl.recordsdesk.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.RequestType;
import org.jspecify.annotations.Nullable;

/**
 * What other modules may react to, published when the change commits. The events that
 * lead to a mail carry what the mail says as it was at the change (so the mail is the
 * same however late it is queued) and an {@code id} of their own, from which the listener
 * makes the outbox key that keeps a resubmitted event from mailing twice. They are stored
 * in {@code event_publication} until their listeners are done, so they hold personal data
 * and, for filing and invitations, the personal links: completed publications are
 * deleted.
 */
public final class RequestEvents {

	private RequestEvents() {
	}

	/** Who a mail goes to, and in which language. */
	public record Addressee(String email, String name, Locale language) {

		static Addressee requesterOf(Request request) {
			return new Addressee(request.requester().email(), request.requester().name(), request.language());
		}

		@Override
		public String toString() {
			// Never an address or name in a log line.
			return "Addressee[***]";
		}

	}

	/**
	 * A request was filed through the public form. The status link's token exists only
	 * here and in the mail (the request stores its hash).
	 */
	public record RequestFiled(UUID id, UUID requestId, String reference, Addressee requester, SecretToken statusToken,
			@Nullable LocalDate dueDate, boolean awaitingSignatures, List<String> coSigners, boolean callRadiologyFirst,
			Instant occurredAt) {
	}

	/**
	 * A co-signer was asked to sign, by their personal link (whose token exists only here
	 * and in the mail).
	 */
	public record CoSignerInvited(UUID id, UUID requestId, String reference, RequestType type, String requesterName,
			Addressee coSigner, SignerRole role, SecretToken token, Instant expiresAt, Instant occurredAt) {
	}

	/**
	 * A request is complete and joins the desk's queue: at filing, or after the last
	 * co-signature ({@code afterCoSignatures}).
	 */
	public record RequestSubmitted(UUID id, UUID requestId, String reference, LocalDate dueDate, Addressee requester,
			boolean afterCoSignatures, Instant occurredAt) {
	}

	/** A co-signer signed. */
	public record CoSigned(UUID requestId, String reference, ItemCode item) {
	}

	/** A co-signer declined to sign. */
	public record CoSignatureDeclined(UUID id, UUID requestId, String reference, ItemCode item, Addressee requester,
			String coSignerName, SignerRole role, @Nullable String reason, Instant occurredAt) {
	}

	/** The requester withdrew the request. */
	public record RequestWithdrawn(UUID requestId, String reference) {
	}

	/** The desk asked the requester a question (for a missing document, say). */
	public record RequesterAsked(UUID id, UUID requestId, String reference, Addressee requester, String question,
			Instant occurredAt) {
	}

	/** The desk rejected the request, for the reason given. */
	public record RequestRejected(UUID id, UUID requestId, String reference, Addressee requester, String reason,
			Instant occurredAt) {
	}

	/**
	 * The desk gave a copy put up for download a new link (the requester's status link,
	 * whose token exists only here and in the mail); the old one stopped working.
	 */
	public record DownloadLinkRenewed(UUID id, UUID requestId, String reference, Addressee requester,
			SecretToken statusToken, Instant expiresAt, Instant occurredAt) {
	}

	/** A physician reopened a refusal to decide it again. */
	public record ReviewReconsidered(UUID id, UUID requestId, String reference, Addressee requester,
			Instant occurredAt) {
	}

	/** The desk extended the deadline to {@code dueDate}. */
	public record DeadlineExtended(UUID id, UUID requestId, String reference, Addressee requester, String reason,
			LocalDate dueDate, Instant occurredAt) {
	}

	/** The copy is ready, to be fetched, sent or downloaded as {@code delivery} says. */
	public record RequestReady(UUID id, UUID requestId, String reference, Addressee requester, Delivery delivery,
			Instant occurredAt) {
	}

	/** An explanation's conversation was planned, at {@code at} (the hospital's time). */
	public record AppointmentScheduled(UUID id, UUID requestId, String reference, Addressee requester, LocalDateTime at,
			String place, Instant occurredAt) {
	}

	/** A request to do something was carried out; the note says what was done. */
	public record RequestCarriedOut(UUID id, UUID requestId, String reference, Addressee requester, RequestType type,
			String note, Instant occurredAt) {
	}

	/** A physician decided; {@code ground} is the legal ground of a refusal. */
	public record ReviewDecided(UUID id, UUID requestId, String reference, Addressee requester, RequestType type,
			boolean granted, ReviewDecision.LegalGround ground, Instant occurredAt) {
	}

}
