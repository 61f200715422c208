package nl.recordsdesk.eligibility;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What the rules need to know about a request. Fields may be missing: the rules say which
 * are required ({@link EligibilityRules#validate}).
 *
 * @param requestType what is asked for
 * @param submittedOn the day of the request; {@code null} means today in the hospital's
 * time zone
 * @param birthDate the patient's date of birth
 * @param deceased whether the patient has died
 * @param relation who the requester is to the patient
 * @param parentalAuthority the authority a parent holds; only read when the relation is
 * {@link Relation#PARENT}
 * @param ivfTreatment whether the record concerns an IVF/ICSI treatment (record copies
 * only)
 * @param studiesBefore2005 whether any study dates from before 2005 (imaging copies only)
 */
public record EligibilityQuestion(@Nullable RequestType requestType, @Nullable LocalDate submittedOn,
		@Nullable LocalDate birthDate, boolean deceased, @Nullable Relation relation,
		@Nullable ParentalAuthority parentalAuthority, boolean ivfTreatment, boolean studiesBefore2005) {

}
