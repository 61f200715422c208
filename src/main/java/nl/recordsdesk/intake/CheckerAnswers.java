package nl.recordsdesk.intake;

import java.time.LocalDate;

import nl.recordsdesk.TypedDate;
import nl.recordsdesk.eligibility.ParentalAuthority;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import org.jspecify.annotations.Nullable;

/**
 * The checker page's answers, posted to {@code /request/from-checker} by its "Start this
 * request" button (a post, so the birth date is not in a URL). Read as loosely as the
 * checker reads them: an answer that cannot be read is left empty for the step to ask.
 */
public class CheckerAnswers {

	private @Nullable RequestType requestType;

	@TypedDate
	private @Nullable LocalDate birthDate;

	private boolean deceased;

	private @Nullable Relation relation;

	private @Nullable ParentalAuthority parentalAuthority;

	private boolean ivfTreatment;

	private boolean studiesBefore2005;

	/**
	 * Puts these answers on the steps' forms, replacing only the same answers. A request
	 * type the checker did not get leaves the step's own; answers of another type are
	 * left out, as the steps leave them out.
	 */
	void fill(WhatForm what, PatientForm patient, RequesterForm requester) {
		if (this.requestType != null) {
			what.setRequestType(this.requestType);
		}
		RequestType type = what.getRequestType();
		if (type == RequestType.IMAGING_COPY) {
			what.setStudiesBefore2005(this.studiesBefore2005);
		}
		if (this.birthDate != null) {
			patient.setBirthDate(this.birthDate);
		}
		patient.setDeceased(this.deceased);
		patient.setIvfTreatment(type == RequestType.RECORD_COPY && this.ivfTreatment);
		if (this.relation != null) {
			requester.setRelation(this.relation);
		}
		requester.setParentalAuthority((requester.getRelation() == Relation.PARENT) ? this.parentalAuthority : null);
	}

	public @Nullable RequestType getRequestType() {
		return this.requestType;
	}

	public void setRequestType(@Nullable RequestType requestType) {
		this.requestType = requestType;
	}

	public @Nullable LocalDate getBirthDate() {
		return this.birthDate;
	}

	public void setBirthDate(@Nullable LocalDate birthDate) {
		this.birthDate = birthDate;
	}

	public boolean isDeceased() {
		return this.deceased;
	}

	public void setDeceased(boolean deceased) {
		this.deceased = deceased;
	}

	public @Nullable Relation getRelation() {
		return this.relation;
	}

	public void setRelation(@Nullable Relation relation) {
		this.relation = relation;
	}

	public @Nullable ParentalAuthority getParentalAuthority() {
		return this.parentalAuthority;
	}

	public void setParentalAuthority(@Nullable ParentalAuthority parentalAuthority) {
		this.parentalAuthority = parentalAuthority;
	}

	public boolean isIvfTreatment() {
		return this.ivfTreatment;
	}

	public void setIvfTreatment(boolean ivfTreatment) {
		this.ivfTreatment = ivfTreatment;
	}

	public boolean isStudiesBefore2005() {
		return this.studiesBefore2005;
	}

	public void setStudiesBefore2005(boolean studiesBefore2005) {
		this.studiesBefore2005 = studiesBefore2005;
	}

}
