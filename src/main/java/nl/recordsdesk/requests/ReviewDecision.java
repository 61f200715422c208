package nl.recordsdesk.requests;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.recordsdesk.eligibility.RequestType;
import org.jspecify.annotations.Nullable;

/**
 * A physician's decision on releasing a deceased patient's record (art. 7:458a BW), or on
 * whether an exception keeps a record its patient wants destroyed (art. 7:455 BW), with
 * the weighing that must be shown later. Never changed (the database refuses it too): a
 * later decision supersedes it and both stay visible.
 */
@Entity
@Table(name = "review_decision")
// Not Hibernate's @Immutable: with an assigned id, merging a request would look a new
// decision up instead of inserting it. The class has no setters, and a trigger refuses
// every
// UPDATE of review_decision.
public class ReviewDecision {

	/** The legal ground of the decision ({@code workflow.md}). */
	public enum LegalGround {

		/** Consent the patient gave in life, in writing or electronically. */
		CONSENT_GIVEN_IN_LIFE,

		/** A relative received an incident notification under the Wkkgz. */
		INCIDENT_NOTIFICATION,

		/**
		 * A weighty interest of the requester, made plausible, for which access is
		 * necessary.
		 */
		WEIGHTY_INTEREST,

		/**
		 * Parents or guardian of a child who died under 16, unless the child, aged 12 or
		 * more, objected.
		 */
		PARENTS_OF_CHILD_UNDER_16,

		/**
		 * For giving information only: the patient's presumed consent, as the hospital's
		 * guidance calls it.
		 */
		PRESUMED_CONSENT,

		/**
		 * Destruction: no exception applies, the record is destroyed (art. 7:455 lid 1
		 * BW).
		 */
		NO_EXCEPTION,

		/**
		 * Destruction refused: keeping the record is of considerable importance to
		 * someone other than the patient (art. 7:455 lid 2 BW).
		 */
		IMPORTANT_TO_ANOTHER,

		/** Destruction refused: a rule of law forbids it (art. 7:455 lid 2 BW). */
		LAW_FORBIDS;

		/** Whether this ground decides a request to destroy the record. */
		public boolean forDestruction() {
			return this == NO_EXCEPTION || this == IMPORTANT_TO_ANOTHER || this == LAW_FORBIDS;
		}

		/** Whether this ground fits a decision of this kind: granted or refused. */
		public boolean fits(RequestType type, boolean granted) {
			if (type != RequestType.DESTRUCTION) {
				return !forDestruction();
			}
			return granted ? this == NO_EXCEPTION : (this == IMPORTANT_TO_ANOTHER || this == LAW_FORBIDS);
		}

		/** The grounds a physician chooses from for a request of this type. */
		public static List<LegalGround> forType(RequestType type) {
			return Arrays.stream(values())
				.filter((ground) -> ground.forDestruction() == (type == RequestType.DESTRUCTION))
				.toList();
		}

	}

	/** What is released. */
	public enum Scope {

		WHOLE_RECORD, LISTED_PARTS, THROUGH_INDEPENDENT_PHYSICIAN;

		/** What a decision on a request of this type can cover. */
		public static List<Scope> forType(RequestType type) {
			return (type == RequestType.DESTRUCTION) ? List.of(WHOLE_RECORD, LISTED_PARTS) : List.of(values());
		}

	}

	/** In which capacity the physician decides. */
	public enum Capacity {

		TREATING_PHYSICIAN, DEPARTMENT_HEAD

	}

	@Id
	private UUID id;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(name = "decided_by")
	private String decidedBy;

	private boolean granted;

	@Column(name = "legal_ground")
	@Enumerated(EnumType.STRING)
	private LegalGround legalGround;

	@Enumerated(EnumType.STRING)
	private Scope scope;

	@Column(name = "scope_parts")
	private @Nullable String scopeParts;

	private String weighing;

	@Enumerated(EnumType.STRING)
	private Capacity capacity;

	protected ReviewDecision() {
		this.id = UUID.randomUUID();
		this.decidedAt = Instant.EPOCH;
		this.decidedBy = "";
		this.legalGround = LegalGround.WEIGHTY_INTEREST;
		this.scope = Scope.WHOLE_RECORD;
		this.weighing = "";
		this.capacity = Capacity.TREATING_PHYSICIAN;
	}

	ReviewDecision(Review review, String decidedBy, Instant decidedAt) {
		this.id = UUID.randomUUID();
		this.granted = review.granted();
		this.legalGround = review.legalGround();
		this.scope = review.scope();
		this.scopeParts = review.scopeParts();
		this.weighing = review.weighing();
		this.capacity = review.capacity();
		this.decidedBy = decidedBy;
		this.decidedAt = decidedAt;
	}

	/** What a physician decides, before it is recorded. */
	public record Review(boolean granted, LegalGround legalGround, Scope scope, @Nullable String scopeParts,
			String weighing, Capacity capacity) {

		public Review {
			if (weighing.isBlank()) {
				throw new IllegalArgumentException("A decision records the weighing of interests");
			}
			if (scope == Scope.LISTED_PARTS && (scopeParts == null || scopeParts.isBlank())) {
				throw new IllegalArgumentException("Listed parts must be listed");
			}
		}

	}

	public UUID id() {
		return this.id;
	}

	public Instant decidedAt() {
		return this.decidedAt;
	}

	public String decidedBy() {
		return this.decidedBy;
	}

	public boolean granted() {
		return this.granted;
	}

	public LegalGround legalGround() {
		return this.legalGround;
	}

	public Scope scope() {
		return this.scope;
	}

	public @Nullable String scopeParts() {
		return this.scopeParts;
	}

	public String weighing() {
		return this.weighing;
	}

	public Capacity capacity() {
		return this.capacity;
	}

}
