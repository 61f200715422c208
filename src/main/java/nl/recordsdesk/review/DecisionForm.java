package nl.recordsdesk.review;

import nl.recordsdesk.MultiLine;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.ReviewDecision;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * The physician's decision as entered; every part is required, the parts only for listed
 * parts.
 */
public class DecisionForm {

	private @Nullable Boolean granted;

	private ReviewDecision.@Nullable LegalGround legalGround;

	private ReviewDecision.@Nullable Scope scope;

	@MultiLine
	private @Nullable String scopeParts;

	@MultiLine
	private @Nullable String weighing;

	private ReviewDecision.@Nullable Capacity capacity;

	void validate(Errors errors, RequestType type) {
		validate(errors);
		if (this.granted != null && this.legalGround != null && !this.legalGround.fits(type, this.granted)) {
			errors.rejectValue("legalGround", (type == RequestType.DESTRUCTION)
					? "review.form.legalGround.destructionMismatch" : "review.form.legalGround.required");
		}
		if (this.scope != null && !ReviewDecision.Scope.forType(type).contains(this.scope)) {
			errors.rejectValue("scope", "review.form.scope.required");
		}
	}

	private void validate(Errors errors) {
		if (this.granted == null) {
			errors.rejectValue("granted", "review.form.granted.required");
		}
		if (this.legalGround == null) {
			errors.rejectValue("legalGround", "review.form.legalGround.required");
		}
		if (this.scope == null) {
			errors.rejectValue("scope", "review.form.scope.required");
		}
		else if (this.scope == ReviewDecision.Scope.LISTED_PARTS
				&& (this.scopeParts == null || this.scopeParts.isBlank())) {
			errors.rejectValue("scopeParts", "review.form.scopeParts.required");
		}
		if (this.weighing == null || this.weighing.isBlank()) {
			errors.rejectValue("weighing", "review.form.weighing.required");
		}
		else if (this.weighing.length() > 10_000) {
			errors.rejectValue("weighing", "request.tooLong", new Object[] { 10_000 }, null);
		}
		if (this.capacity == null) {
			errors.rejectValue("capacity", "review.form.capacity.required");
		}
	}

	ReviewDecision.Review toReview() {
		if (this.granted == null || this.legalGround == null || this.scope == null || this.weighing == null
				|| this.capacity == null) {
			throw new IllegalStateException("Validate first");
		}
		return new ReviewDecision.Review(this.granted, this.legalGround, this.scope,
				(this.scope == ReviewDecision.Scope.LISTED_PARTS) ? this.scopeParts : null, this.weighing.strip(),
				this.capacity);
	}

	public @Nullable Boolean getGranted() {
		return this.granted;
	}

	public void setGranted(@Nullable Boolean granted) {
		this.granted = granted;
	}

	public ReviewDecision.@Nullable LegalGround getLegalGround() {
		return this.legalGround;
	}

	public void setLegalGround(ReviewDecision.@Nullable LegalGround legalGround) {
		this.legalGround = legalGround;
	}

	public ReviewDecision.@Nullable Scope getScope() {
		return this.scope;
	}

	public void setScope(ReviewDecision.@Nullable Scope scope) {
		this.scope = scope;
	}

	public @Nullable String getScopeParts() {
		return this.scopeParts;
	}

	public void setScopeParts(@Nullable String scopeParts) {
		this.scopeParts = scopeParts;
	}

	public @Nullable String getWeighing() {
		return this.weighing;
	}

	public void setWeighing(@Nullable String weighing) {
		this.weighing = weighing;
	}

	public ReviewDecision.@Nullable Capacity getCapacity() {
		return this.capacity;
	}

	public void setCapacity(ReviewDecision.@Nullable Capacity capacity) {
		this.capacity = capacity;
	}

}
