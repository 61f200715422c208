package nl.recordsdesk.requests;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * The desk's check of the requester's identity and documents: who checked, when. A new
 * document asked for undoes it ({@link #NONE}); a request is decided only once verified.
 */
@Embeddable
public record Verification(@Column(name = "identity_verified_at") @Nullable Instant verifiedAt,
		@Column(name = "identity_verified_by") @Nullable String verifiedBy) {

	/** Not (or no longer) verified. Hibernate reads a row without one as {@code null}. */
	public static final Verification NONE = new Verification(null, null);

	static Verification by(String staff, Instant at) {
		return new Verification(at, staff);
	}

	public boolean verified() {
		return this.verifiedAt != null;
	}

	/**
	 * @throws IllegalTransitionException unless verified
	 */
	void require() {
		if (!verified()) {
			throw new IllegalTransitionException("Verify identity and documents first");
		}
	}

}
