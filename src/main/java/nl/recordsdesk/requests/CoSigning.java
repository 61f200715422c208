package nl.recordsdesk.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a co-signer does through their personal link. The requester's mail about it
 * follows from the request's events ({@link RequestMail}).
 */
@Service
public class CoSigning {

	private final Requests requests;

	private final Clock clock;

	private final StatusLinkLifetime lifetime;

	CoSigning(Requests requests, Clock clock, StatusLinkLifetime lifetime) {
		this.requests = requests;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	/**
	 * What the co-signer sees: the request (without the requester's documents) and their
	 * part in it.
	 */
	public record Invitation(RequestView request, String name, SignerRole role, Instant expiresAt, boolean idRequired) {
	}

	private record Found(Request request, CoSignInvitation invitation) {
	}

	/**
	 * The invitation behind a link that still works; empty for an unknown, used or
	 * expired link.
	 */
	@Transactional(readOnly = true)
	public Optional<Invitation> open(String token) {
		return find(token).map((found) -> new Invitation(RequestView.of(found.request()), found.invitation().name(),
				found.invitation().role(), found.invitation().expiresAt(),
				idRequired(found.request(), found.invitation())));
	}

	/**
	 * Whether the link is one the requester replaced by a new one (sent again, perhaps to
	 * another address), so that its page can say so rather than only that it does not
	 * work.
	 */
	@Transactional(readOnly = true)
	public boolean replaced(String token) {
		if (token.length() > 100) {
			return false;
		}
		String hash = SecretToken.hash(token);
		return this.requests.findByInvitationTokenHash(hash)
			.flatMap((request) -> request.invitationFor(hash))
			.filter((invitation) -> invitation.status() == CoSignInvitation.Status.REVOKED)
			.isPresent();
	}

	/** How long the requester's links work after the request was closed. */
	public java.time.Duration linkValidAfterClosing() {
		return this.lifetime.validAfterClosing();
	}

	/**
	 * Whether the link belongs to a request closed longer ago than the requester's links
	 * work after closing ({@link StatusPage#linkExpired}): its page says the link has
	 * expired, as the status page does.
	 */
	@Transactional(readOnly = true)
	public boolean linkExpired(String token) {
		if (token.length() > 100) {
			return false;
		}
		return this.requests.findByInvitationTokenHash(SecretToken.hash(token))
			.filter((request) -> this.lifetime.expired(request, this.clock.instant()))
			.isPresent();
	}

	private Optional<Found> find(String token) {
		if (token.length() > 100) {
			return Optional.empty();
		}
		String hash = SecretToken.hash(token);
		Instant now = this.clock.instant();
		return this.requests.findByInvitationTokenHash(hash)
			.filter((request) -> request.status() == RequestStatus.AWAITING_SIGNATURES)
			.flatMap((request) -> request.invitationFor(hash)
				.filter((invitation) -> invitation.open(now))
				.map((invitation) -> new Found(request, invitation)));
	}

	@Transactional
	public void sign(String token, SignedBy signedBy, @Nullable UploadedFile idCopy) {
		Found found = find(token).orElseThrow(() -> new IllegalTransitionException("The link no longer works"));
		Request request = found.request();
		request.coSign(found.invitation(), signedBy, idCopy, this.clock.instant(), this.clock.getZone());
		this.requests.save(request);
	}

	@Transactional
	public void decline(String token, @Nullable String reason) {
		Found found = find(token).orElseThrow(() -> new IllegalTransitionException("The link no longer works"));
		Request request = found.request();
		request.declineCoSignature(found.invitation(), reason, this.clock.instant());
		this.requests.save(request);
	}

	private static boolean idRequired(Request request, CoSignInvitation invitation) {
		var idItem = invitation.role().idItem();
		return idItem != null && request.requires(idItem);
	}

}
