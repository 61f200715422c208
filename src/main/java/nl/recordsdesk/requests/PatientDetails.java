package nl.recordsdesk.requests;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/** Who the request is about. */
@Embeddable
public record PatientDetails(@Column(name = "patient_name") String name,
		@Column(name = "patient_birth_date") LocalDate birthDate,
		@Column(name = "patient_number") @Nullable String patientNumber,
		@Column(name = "patient_deceased") boolean deceased,
		@Column(name = "patient_date_of_death") @Nullable LocalDate dateOfDeath) {

}
