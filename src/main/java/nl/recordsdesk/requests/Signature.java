package nl.recordsdesk.requests;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A signature under the request: drawn on screen (kept as a PNG), or a typed full name
 * with the declaration the signer confirmed.
 */
@Entity
@Table(name = "request_signature")
public class Signature {

	/** How someone signed. */
	public enum Method {

		DRAWN, TYPED

	}

	@Id
	private UUID id;

	@Column(name = "signer_role")
	@Enumerated(EnumType.STRING)
	private SignerRole role;

	@Column(name = "signer_name")
	private String signerName;

	@Enumerated(EnumType.STRING)
	private Method method;

	private byte @Nullable [] image;

	@Column(name = "signed_at")
	private Instant signedAt;

	protected Signature() {
		this.id = UUID.randomUUID();
		this.role = SignerRole.REQUESTER;
		this.signerName = "";
		this.method = Method.TYPED;
		this.signedAt = Instant.EPOCH;
	}

	Signature(SignerRole role, SignedBy signedBy, Instant signedAt) {
		this.id = UUID.randomUUID();
		this.role = role;
		this.signerName = signedBy.name();
		this.method = (signedBy.drawing() != null) ? Method.DRAWN : Method.TYPED;
		this.image = signedBy.drawing();
		this.signedAt = signedAt;
	}

	public UUID id() {
		return this.id;
	}

	public SignerRole role() {
		return this.role;
	}

	public String signerName() {
		return this.signerName;
	}

	public Method method() {
		return this.method;
	}

	public Instant signedAt() {
		return this.signedAt;
	}

}
