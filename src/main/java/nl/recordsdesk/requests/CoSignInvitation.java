package nl.recordsdesk.requests;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.recordsdesk.eligibility.ItemCode;
import org.jspecify.annotations.Nullable;

/**
 * A personal link for someone who must co-sign: the second parent, the IVF/ICSI partner
 * or a patient aged 12 to 15. The token itself is e-mailed; only its hash is kept.
 */
@Entity
@Table(name = "cosign_invitation")
public class CoSignInvitation {

	/** What became of the invitation. */
	public enum Status {

		PENDING, SIGNED, DECLINED, EXPIRED,

		/** Replaced by a new invitation the requester sent: the link no longer works. */
		REVOKED

	}

	@Id
	private UUID id;

	@Column(name = "item_code")
	@Enumerated(EnumType.STRING)
	private ItemCode item;

	private String name;

	private String email;

	@Column(name = "token_hash")
	private String tokenHash;

	@Enumerated(EnumType.STRING)
	private Status status;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "responded_at")
	private @Nullable Instant respondedAt;

	@Column(name = "decline_reason")
	private @Nullable String declineReason;

	protected CoSignInvitation() {
		this.id = UUID.randomUUID();
		this.item = ItemCode.SECOND_PARENT_SIGNATURE;
		this.name = "";
		this.email = "";
		this.tokenHash = "";
		this.status = Status.PENDING;
		this.expiresAt = Instant.EPOCH;
	}

	CoSignInvitation(CoSigner coSigner, SecretToken token, Instant expiresAt) {
		this.id = UUID.randomUUID();
		this.item = coSigner.item();
		this.name = coSigner.name();
		this.email = coSigner.email();
		this.tokenHash = token.hash();
		this.status = Status.PENDING;
		this.expiresAt = expiresAt;
	}

	public UUID id() {
		return this.id;
	}

	public ItemCode item() {
		return this.item;
	}

	public SignerRole role() {
		return SignerRole.coSignerFor(this.item);
	}

	public String name() {
		return this.name;
	}

	public String email() {
		return this.email;
	}

	public Status status() {
		return this.status;
	}

	public Instant expiresAt() {
		return this.expiresAt;
	}

	public @Nullable Instant respondedAt() {
		return this.respondedAt;
	}

	public @Nullable String declineReason() {
		return this.declineReason;
	}

	/** Whether the link can still be used at this moment. */
	public boolean open(Instant now) {
		return this.status == Status.PENDING && now.isBefore(this.expiresAt);
	}

	boolean matches(String tokenHash) {
		return this.tokenHash.equals(tokenHash);
	}

	void signed(Instant at) {
		this.status = Status.SIGNED;
		this.respondedAt = at;
	}

	void declined(@Nullable String reason, Instant at) {
		this.status = Status.DECLINED;
		this.declineReason = reason;
		this.respondedAt = at;
	}

	/**
	 * Replaced by a new invitation; a decline's reason stays, and so does the history's
	 * entry of it.
	 */
	void revoked(Instant at) {
		this.status = Status.REVOKED;
		if (this.respondedAt == null) {
			this.respondedAt = at;
		}
	}

	/**
	 * Whether this is the invitation in force for its item (not replaced by a newer one).
	 */
	public boolean current() {
		return this.status != Status.REVOKED;
	}

	void expired(Instant at) {
		this.status = Status.EXPIRED;
		this.respondedAt = at;
	}

}
