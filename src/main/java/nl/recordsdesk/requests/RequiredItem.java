package nl.recordsdesk.requests;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import nl.recordsdesk.eligibility.ItemCode;
import org.jspecify.annotations.Nullable;

/**
 * Something the rules require of this request, and what satisfied it: a document, a
 * signature or a written text, named as {@code DOCUMENT:<id>}, {@code SIGNATURE:<id>} or
 * {@code TEXT}.
 */
@Embeddable
public class RequiredItem {

	@Column(name = "item_code")
	@Enumerated(EnumType.STRING)
	private ItemCode code;

	@Column(name = "satisfied_by")
	private @Nullable String satisfiedBy;

	@Column(name = "satisfied_at")
	private @Nullable Instant satisfiedAt;

	protected RequiredItem() {
		this.code = ItemCode.REQUESTER_ID;
	}

	RequiredItem(ItemCode code) {
		this.code = code;
	}

	public ItemCode code() {
		return this.code;
	}

	public boolean satisfied() {
		return this.satisfiedBy != null;
	}

	public @Nullable String satisfiedBy() {
		return this.satisfiedBy;
	}

	public @Nullable Instant satisfiedAt() {
		return this.satisfiedAt;
	}

	/**
	 * Asked for again: what satisfied it no longer counts (the old document stays on
	 * file).
	 */
	void reopen() {
		this.satisfiedBy = null;
		this.satisfiedAt = null;
	}

	void satisfy(String by, Instant at) {
		this.satisfiedBy = by;
		this.satisfiedAt = at;
	}

}
