package nl.recordsdesk.requests.web;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;

import nl.recordsdesk.TypedDate;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/** Step 2: whose record. */
public class PatientForm implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private @Nullable String name;

	@TypedDate
	private @Nullable LocalDate birthDate;

	private @Nullable String patientNumber;

	private boolean deceased;

	@TypedDate
	private @Nullable LocalDate dateOfDeath;

	private boolean ivfTreatment;

	void validate(Errors errors, LocalDate today) {
		Texts.rejectIfBlank(errors, "name", this.name, "request.patient.name.required");
		Texts.rejectIfLonger(errors, "name", this.name, 200);
		if (!errors.hasFieldErrors("birthDate")) {
			if (this.birthDate == null) {
				errors.rejectValue("birthDate", "request.patient.birthDate.required");
			}
			else if (this.birthDate.isAfter(today)) {
				errors.rejectValue("birthDate", "request.patient.birthDate.future");
			}
		}
		if (this.patientNumber != null && !this.patientNumber.isBlank()
				&& !this.patientNumber.strip().matches("[0-9A-Za-z-]{1,20}")) {
			errors.rejectValue("patientNumber", "request.patient.patientNumber.invalid");
		}
		if (this.deceased && !errors.hasFieldErrors("dateOfDeath")) {
			if (this.dateOfDeath == null) {
				errors.rejectValue("dateOfDeath", "request.patient.dateOfDeath.required");
			}
			else if (this.dateOfDeath.isAfter(today)) {
				errors.rejectValue("dateOfDeath", "request.patient.dateOfDeath.future");
			}
			else if (this.birthDate != null && this.dateOfDeath.isBefore(this.birthDate)) {
				errors.rejectValue("dateOfDeath", "request.patient.dateOfDeath.beforeBirth");
			}
		}
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable LocalDate getBirthDate() {
		return this.birthDate;
	}

	public void setBirthDate(@Nullable LocalDate birthDate) {
		this.birthDate = birthDate;
	}

	public @Nullable String getPatientNumber() {
		return this.patientNumber;
	}

	public void setPatientNumber(@Nullable String patientNumber) {
		this.patientNumber = patientNumber;
	}

	public boolean isDeceased() {
		return this.deceased;
	}

	public void setDeceased(boolean deceased) {
		this.deceased = deceased;
	}

	public @Nullable LocalDate getDateOfDeath() {
		return this.dateOfDeath;
	}

	public void setDateOfDeath(@Nullable LocalDate dateOfDeath) {
		this.dateOfDeath = dateOfDeath;
	}

	public boolean isIvfTreatment() {
		return this.ivfTreatment;
	}

	public void setIvfTreatment(boolean ivfTreatment) {
		this.ivfTreatment = ivfTreatment;
	}

}
