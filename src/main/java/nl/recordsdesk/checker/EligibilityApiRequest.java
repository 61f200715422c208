package nl.recordsdesk.checker;

import java.time.LocalDate;

import nl.recordsdesk.eligibility.EligibilityQuestion;
import nl.recordsdesk.eligibility.ParentalAuthority;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The JSON body of {@code POST /api/v1/eligibility}, as {@code eligibility.md} defines
 * it.
 */
record EligibilityApiRequest(@Nullable RequestType requestType,
		@JsonDeserialize(using = IsoDate.class) @Nullable LocalDate submittedOn, @Nullable Patient patient,
		@Nullable Requester requester, @Nullable Boolean ivfTreatment, @Nullable Boolean studiesBefore2005) {

	record Patient(@JsonDeserialize(using = IsoDate.class) @Nullable LocalDate birthDate, @Nullable Boolean deceased) {
	}

	record Requester(@Nullable Relation relation, @Nullable ParentalAuthority parentalAuthority) {
	}

	EligibilityQuestion toQuestion() {
		Patient patient = (this.patient != null) ? this.patient : new Patient(null, null);
		Requester requester = (this.requester != null) ? this.requester : new Requester(null, null);
		return new EligibilityQuestion(this.requestType, this.submittedOn, patient.birthDate(),
				Boolean.TRUE.equals(patient.deceased()), requester.relation(), requester.parentalAuthority(),
				Boolean.TRUE.equals(this.ivfTreatment), Boolean.TRUE.equals(this.studiesBefore2005));
	}

}
