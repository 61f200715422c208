package nl.recordsdesk.contact;

import nl.recordsdesk.MultiLine;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/** The desk's answer to a message, or its reason for closing it without one. */
public class AnswerForm {

	private long version;

	@MultiLine
	private @Nullable String answer;

	private @Nullable String reason;

	void validateAnswer(Errors errors) {
		if (this.answer == null || this.answer.isBlank()) {
			errors.rejectValue("answer", "contact.desk.answer.required");
		}
		else if (this.answer.strip().length() > ContactInbox.MAX_ANSWER) {
			errors.rejectValue("answer", "contact.desk.answer.tooLong", new Object[] { ContactInbox.MAX_ANSWER }, null);
		}
	}

	void validateReason(Errors errors) {
		if (this.reason == null || this.reason.isBlank()) {
			errors.rejectValue("reason", "contact.desk.reason.required");
		}
		else if (this.reason.strip().length() > ContactInbox.MAX_REASON) {
			errors.rejectValue("reason", "contact.desk.reason.tooLong", new Object[] { ContactInbox.MAX_REASON }, null);
		}
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public @Nullable String getAnswer() {
		return this.answer;
	}

	public void setAnswer(@Nullable String answer) {
		this.answer = answer;
	}

	public @Nullable String getReason() {
		return this.reason;
	}

	public void setReason(@Nullable String reason) {
		this.reason = reason;
	}

}
