package nl.recordsdesk.recordings;

import java.time.LocalDate;

import nl.recordsdesk.MultiLine;
import nl.recordsdesk.TypedDate;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/** The physician's form to ask a patient's consent to record. */
public class ConsentForm {

	private @Nullable String patientName;

	private @Nullable String patientEmail;

	private @Nullable RecordingKind kind;

	private ConsentRequest.@Nullable Purpose purpose;

	@TypedDate
	private @Nullable LocalDate recordingDate;

	@MultiLine
	private @Nullable String explanation;

	void validate(Errors errors, LocalDate today) {
		FormChecks.required(errors, "patientName", this.patientName, 200);
		FormChecks.email(errors, "patientEmail", this.patientEmail);
		FormChecks.choice(errors, "kind", this.kind);
		if (this.kind != null && !ConsentRequest.KINDS.contains(this.kind)) {
			errors.rejectValue("kind", "recordings.form.choose");
		}
		FormChecks.choice(errors, "purpose", this.purpose);
		if (!errors.hasFieldErrors("recordingDate")) {
			if (this.recordingDate == null) {
				errors.rejectValue("recordingDate", "recordings.form.recordingDate.required");
			}
			else if (this.recordingDate.isBefore(today)) {
				errors.rejectValue("recordingDate", "recordings.form.consultationDate.past");
			}
		}
		FormChecks.optional(errors, "explanation", this.explanation, 2000);
	}

	public @Nullable String getPatientName() {
		return this.patientName;
	}

	public void setPatientName(@Nullable String patientName) {
		this.patientName = patientName;
	}

	public @Nullable String getPatientEmail() {
		return this.patientEmail;
	}

	public void setPatientEmail(@Nullable String patientEmail) {
		this.patientEmail = patientEmail;
	}

	public @Nullable RecordingKind getKind() {
		return this.kind;
	}

	public void setKind(@Nullable RecordingKind kind) {
		this.kind = kind;
	}

	public ConsentRequest.@Nullable Purpose getPurpose() {
		return this.purpose;
	}

	public void setPurpose(ConsentRequest.@Nullable Purpose purpose) {
		this.purpose = purpose;
	}

	public @Nullable LocalDate getRecordingDate() {
		return this.recordingDate;
	}

	public void setRecordingDate(@Nullable LocalDate recordingDate) {
		this.recordingDate = recordingDate;
	}

	public @Nullable String getExplanation() {
		return this.explanation;
	}

	public void setExplanation(@Nullable String explanation) {
		this.explanation = explanation;
	}

}
