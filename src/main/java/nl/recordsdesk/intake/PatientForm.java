package nl.recordsdesk.intake;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import nl.recordsdesk.TypedDate;
import org.jspecify.annotations.Nullable;

import static nl.recordsdesk.intake.FormValidation.TOO_LONG;

/**
 * Step 2: whose record. Checked with Bean Validation ({@link FormValidation}) as on the
 * day the request is made ("the future" is after it); the date of death only for a
 * patient who died ({@link #checks()}).
 */
public class PatientForm implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	@Answered(message = "{request.patient.name.required}")
	@Size(max = 200, message = TOO_LONG)
	private @Nullable String name;

	@TypedDate
	@NotNull(message = "{request.patient.birthDate.required}")
	@PastOrPresent(message = "{request.patient.birthDate.future}")
	private @Nullable LocalDate birthDate;

	private @Nullable String patientNumber;

	private boolean deceased;

	@TypedDate
	@NotNull(message = "{request.patient.dateOfDeath.required}", groups = Deceased.class)
	@PastOrPresent(message = "{request.patient.dateOfDeath.future}", groups = Deceased.class)
	private @Nullable LocalDate dateOfDeath;

	private boolean ivfTreatment;

	/** Ours, if the requester knows it: up to 20 letters, digits and dashes. */
	@Holds(on = "patientNumber", message = "{request.patient.patientNumber.invalid}")
	boolean isPatientNumberReadable() {
		return Texts.blank(this.patientNumber) || this.patientNumber.strip().matches("[0-9A-Za-z-]{1,20}");
	}

	@Holds(on = "dateOfDeath", message = "{request.patient.dateOfDeath.beforeBirth}", groups = Deceased.class)
	boolean isDeathAfterBirth() {
		return this.dateOfDeath == null || this.birthDate == null || !this.dateOfDeath.isBefore(this.birthDate);
	}

	/** The groups of checks: the date of death only when the patient died. */
	Class<?>[] checks() {
		return this.deceased ? new Class<?>[] { Default.class, Deceased.class } : new Class<?>[] { Default.class };
	}

	/** The answers about a patient who died. */
	interface Deceased {

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
