package nl.recordsdesk.recordings;

import java.time.LocalDate;

import nl.recordsdesk.MultiLine;
import nl.recordsdesk.TypedDate;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/** The public form to ask the physician's consent to publish a recording. */
public class PublishForm {

	private @Nullable String patientName;

	private @Nullable String department;

	private @Nullable String physicianName;

	@TypedDate
	private @Nullable LocalDate recordingDate;

	private @Nullable RecordingKind kind;

	@MultiLine
	private @Nullable String channel;

	@MultiLine
	private @Nullable String reason;

	@MultiLine
	private @Nullable String part;

	private @Nullable String email;

	void validate(Errors errors, LocalDate today, RecordingSettings settings) {
		FormChecks.required(errors, "patientName", this.patientName, 200);
		if (FormChecks.blank(this.department)) {
			errors.rejectValue("department", "recordings.form.department.required");
		}
		else if (settings.department(this.department).isEmpty()) {
			errors.rejectValue("department", "recordings.form.choose");
		}
		FormChecks.optional(errors, "physicianName", this.physicianName, 200);
		if (!errors.hasFieldErrors("recordingDate")) {
			if (this.recordingDate == null) {
				errors.rejectValue("recordingDate", "recordings.form.recordingDate.required");
			}
			else if (this.recordingDate.isAfter(today)) {
				errors.rejectValue("recordingDate", "recordings.form.recordingDate.future");
			}
		}
		FormChecks.choice(errors, "kind", this.kind);
		FormChecks.required(errors, "channel", this.channel, 2000);
		FormChecks.required(errors, "reason", this.reason, 2000);
		FormChecks.required(errors, "part", this.part, 2000);
		FormChecks.email(errors, "email", this.email);
	}

	public @Nullable String getPatientName() {
		return this.patientName;
	}

	public void setPatientName(@Nullable String patientName) {
		this.patientName = patientName;
	}

	public @Nullable String getDepartment() {
		return this.department;
	}

	public void setDepartment(@Nullable String department) {
		this.department = department;
	}

	public @Nullable String getPhysicianName() {
		return this.physicianName;
	}

	public void setPhysicianName(@Nullable String physicianName) {
		this.physicianName = physicianName;
	}

	public @Nullable LocalDate getRecordingDate() {
		return this.recordingDate;
	}

	public void setRecordingDate(@Nullable LocalDate recordingDate) {
		this.recordingDate = recordingDate;
	}

	public @Nullable RecordingKind getKind() {
		return this.kind;
	}

	public void setKind(@Nullable RecordingKind kind) {
		this.kind = kind;
	}

	public @Nullable String getChannel() {
		return this.channel;
	}

	public void setChannel(@Nullable String channel) {
		this.channel = channel;
	}

	public @Nullable String getReason() {
		return this.reason;
	}

	public void setReason(@Nullable String reason) {
		this.reason = reason;
	}

	public @Nullable String getPart() {
		return this.part;
	}

	public void setPart(@Nullable String part) {
		this.part = part;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
	}

}
