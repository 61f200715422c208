package nl.recordsdesk.recordings;

import java.time.LocalDate;

import nl.recordsdesk.MultiLine;
import nl.recordsdesk.TypedDate;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/** The public form to announce a recording. */
public class AnnounceForm {

	private Announcement.@Nullable Announcer announcer;

	private @Nullable String patientName;

	private @Nullable String department;

	@TypedDate
	private @Nullable LocalDate consultationDate;

	private @Nullable String physicianName;

	private @Nullable RecordingKind kind;

	@MultiLine
	private @Nullable String purpose;

	private @Nullable String email;

	void validate(Errors errors, LocalDate today, RecordingSettings settings) {
		FormChecks.choice(errors, "announcer", this.announcer);
		FormChecks.required(errors, "patientName", this.patientName, 200);
		if (FormChecks.blank(this.department)) {
			errors.rejectValue("department", "recordings.form.department.required");
		}
		else if (settings.department(this.department).isEmpty()) {
			errors.rejectValue("department", "recordings.form.choose");
		}
		if (!errors.hasFieldErrors("consultationDate")) {
			if (this.consultationDate == null) {
				errors.rejectValue("consultationDate", "recordings.form.consultationDate.required");
			}
			else if (this.consultationDate.isBefore(today)) {
				errors.rejectValue("consultationDate", "recordings.form.consultationDate.past");
			}
		}
		FormChecks.optional(errors, "physicianName", this.physicianName, 200);
		FormChecks.choice(errors, "kind", this.kind);
		FormChecks.optional(errors, "purpose", this.purpose, 2000);
		FormChecks.email(errors, "email", this.email);
	}

	public Announcement.@Nullable Announcer getAnnouncer() {
		return this.announcer;
	}

	public void setAnnouncer(Announcement.@Nullable Announcer announcer) {
		this.announcer = announcer;
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

	public @Nullable LocalDate getConsultationDate() {
		return this.consultationDate;
	}

	public void setConsultationDate(@Nullable LocalDate consultationDate) {
		this.consultationDate = consultationDate;
	}

	public @Nullable String getPhysicianName() {
		return this.physicianName;
	}

	public void setPhysicianName(@Nullable String physicianName) {
		this.physicianName = physicianName;
	}

	public @Nullable RecordingKind getKind() {
		return this.kind;
	}

	public void setKind(@Nullable RecordingKind kind) {
		this.kind = kind;
	}

	public @Nullable String getPurpose() {
		return this.purpose;
	}

	public void setPurpose(@Nullable String purpose) {
		this.purpose = purpose;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
	}

}
