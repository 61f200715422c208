package nl.recordsdesk.review;

import nl.recordsdesk.MultiLine;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/** Why a physician reopens a physician's refusal: required, kept in the history. */
public class ReconsiderForm {

	@MultiLine
	private @Nullable String reason;

	void validate(Errors errors) {
		if (this.reason == null || this.reason.isBlank()) {
			errors.rejectValue("reason", "review.reconsider.reason.required");
		}
		else if (this.reason.length() > 2_000) {
			errors.rejectValue("reason", "request.tooLong", new Object[] { 2_000 }, null);
		}
	}

	String reason() {
		if (this.reason == null || this.reason.isBlank()) {
			throw new IllegalStateException("Validate first");
		}
		return this.reason.strip();
	}

	public @Nullable String getReason() {
		return this.reason;
	}

	public void setReason(@Nullable String reason) {
		this.reason = reason;
	}

}
