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
import nl.recordsdesk.eligibility.RequestType;

/**
 * The physicians' decisions on a request, oldest first: never removed or changed, a later
 * one supersedes the one before (both stay), the latest is in force. Mapped to the table
 * {@code review_decision} as before; the part has no column of its own and Hibernate
 * builds it with its collection, so a request never loads without it.
 */
@Embeddable
class ReviewDecisions {

	// Decisions are never removed or changed: no orphan removal, and the entity is
	// immutable.
	@OneToMany(cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
	// Not updatable: the row is inserted with its request, and a trigger refuses any
	// UPDATE.
	@JoinColumn(name = "request_id", nullable = false, updatable = false)
	@OrderBy("decidedAt")
	private List<ReviewDecision> decisions = new ArrayList<>();

	protected ReviewDecisions() {
	}

	static ReviewDecisions none() {
		return new ReviewDecisions();
	}

	/**
	 * A physician's decision on a request of {@code type}, checked against the type: its
	 * legal ground must fit the type and the outcome, and a destruction is decided for
	 * the whole record or listed parts.
	 * @throws IllegalArgumentException when it does not fit
	 */
	ReviewDecision decide(RequestType type, ReviewDecision.Review review, String physician, Instant now) {
		if (!review.legalGround().fits(type, review.granted())) {
			throw new IllegalArgumentException(review.legalGround() + " does not decide a " + type + " request "
					+ (review.granted() ? "granted" : "refused"));
		}
		if (type == RequestType.DESTRUCTION && review.scope() == ReviewDecision.Scope.THROUGH_INDEPENDENT_PHYSICIAN) {
			throw new IllegalArgumentException("A record is destroyed whole or in listed parts");
		}
		ReviewDecision decision = new ReviewDecision(review, physician, now);
		this.decisions.add(decision);
		return decision;
	}

	boolean any() {
		return !this.decisions.isEmpty();
	}

	/** The decision in force: the latest. */
	Optional<ReviewDecision> latest() {
		return this.decisions.isEmpty() ? Optional.empty() : Optional.of(this.decisions.get(this.decisions.size() - 1));
	}

	/** Whether the latest decision refused. */
	boolean refused() {
		return latest().map((latest) -> !latest.granted()).orElse(false);
	}

	List<ReviewDecision> all() {
		return List.copyOf(this.decisions);
	}

}
