package nl.recordsdesk.requests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import nl.recordsdesk.eligibility.ItemCode;
import org.jspecify.annotations.Nullable;

/**
 * A request's signatures (the requester's, then each co-signer's) and the invitations
 * sent to co-signers, with the rules of both: a link works while its invitation is open;
 * an invitation sent again replaces the one before; what is signed is not asked again.
 * Mapped to the tables {@code request_signature} and {@code cosign_invitation} as before.
 * The part has no column of its own: Hibernate builds it with its collections (which are
 * never null), so a request never loads without it.
 */
@Embeddable
class CoSignatures {

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
	@JoinColumn(name = "request_id", nullable = false)
	@OrderBy("signedAt")
	private List<Signature> signatures = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
	@JoinColumn(name = "request_id", nullable = false)
	private List<CoSignInvitation> invitations = new ArrayList<>();

	protected CoSignatures() {
	}

	/** The requester's signature in the form; nobody invited yet. */
	static CoSignatures signedByRequester(SignedBy signedBy, Instant at) {
		CoSignatures coSignatures = new CoSignatures();
		coSignatures.signatures.add(new Signature(SignerRole.REQUESTER, signedBy, at));
		return coSignatures;
	}

	/** A new invitation, whose link works until {@code expiresAt}. */
	CoSignInvitation invite(CoSigner coSigner, SecretToken token, Instant expiresAt) {
		CoSignInvitation invitation = new CoSignInvitation(coSigner, token, expiresAt);
		this.invitations.add(invitation);
		return invitation;
	}

	/**
	 * The co-signer asked for {@code item} invited again at {@code email}: the link sent
	 * before stops working.
	 * @return the new invitation
	 * @throws IllegalArgumentException when no co-signer is asked for {@code item}
	 * @throws IllegalTransitionException when it is signed already
	 */
	CoSignInvitation inviteAgain(ItemCode item, String email, SecretToken token, Instant expiresAt, Instant now) {
		CoSignInvitation current = current(item)
			.orElseThrow(() -> new IllegalArgumentException(item + " is not asked of a co-signer"));
		if (current.status() == CoSignInvitation.Status.SIGNED) {
			throw new IllegalTransitionException(item + " is signed already");
		}
		current.revoked(now);
		return invite(new CoSigner(item, current.name(), email), token, expiresAt);
	}

	/**
	 * The co-signer of an open invitation signs.
	 * @throws IllegalArgumentException when the invitation is not one of these
	 * @throws IllegalTransitionException when it is no longer open
	 */
	Signature sign(CoSignInvitation invitation, SignedBy signedBy, Instant now) {
		requireOpen(invitation, now);
		Signature signature = new Signature(invitation.role(), signedBy, now);
		this.signatures.add(signature);
		invitation.signed(now);
		return signature;
	}

	/** The co-signer of an open invitation declines, with a reason or without. */
	void decline(CoSignInvitation invitation, @Nullable String reason, Instant now) {
		requireOpen(invitation, now);
		invitation.declined((reason != null && !reason.isBlank()) ? reason : null, now);
	}

	/** Every link still open stops working (withdrawn, expired). */
	void closeOpen(Instant now) {
		this.invitations.stream().filter((invitation) -> invitation.open(now)).forEach((open) -> open.expired(now));
	}

	void requireOwn(CoSignInvitation invitation) {
		if (!this.invitations.contains(invitation)) {
			throw new IllegalArgumentException("Not an invitation of this request");
		}
	}

	void requireOpen(CoSignInvitation invitation, Instant now) {
		requireOwn(invitation);
		if (!invitation.open(now)) {
			throw new IllegalTransitionException("The invitation is " + invitation.status() + " or expired");
		}
	}

	/** The invitation in force for an item: the latest one sent. */
	Optional<CoSignInvitation> current(ItemCode item) {
		return this.invitations.stream()
			.filter((invitation) -> invitation.item() == item && invitation.current())
			.findFirst();
	}

	/** The invitation that this link opens, if any. */
	Optional<CoSignInvitation> invitationFor(String tokenHash) {
		return this.invitations.stream().filter((invitation) -> invitation.matches(tokenHash)).findFirst();
	}

	List<Signature> signatures() {
		return List.copyOf(this.signatures);
	}

	List<CoSignInvitation> invitations() {
		return List.copyOf(this.invitations);
	}

}
