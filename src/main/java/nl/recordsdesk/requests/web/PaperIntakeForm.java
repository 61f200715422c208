package nl.recordsdesk.requests.web;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;

import nl.recordsdesk.TypedDate;
import nl.recordsdesk.requests.Delivery;
import org.jspecify.annotations.Nullable;

/**
 * The desk's page for a request that came on paper: the public form's questions (what,
 * the patient, the requester), and what only the desk knows: the day the paper arrived,
 * the language to write in, how the answer is to reach the requester.
 */
public class PaperIntakeForm implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	// The same ways of typing a date as the form's birth date.
	@TypedDate
	private @Nullable LocalDate receivedOn;

	private WhatForm what = new WhatForm();

	private PatientForm patient = new PatientForm();

	private RequesterForm requester = new RequesterForm();

	private @Nullable Delivery delivery;

	private String language = "nl";

	public @Nullable LocalDate getReceivedOn() {
		return this.receivedOn;
	}

	public void setReceivedOn(@Nullable LocalDate receivedOn) {
		this.receivedOn = receivedOn;
	}

	public WhatForm getWhat() {
		return this.what;
	}

	public void setWhat(WhatForm what) {
		this.what = what;
	}

	public PatientForm getPatient() {
		return this.patient;
	}

	public void setPatient(PatientForm patient) {
		this.patient = patient;
	}

	public RequesterForm getRequester() {
		return this.requester;
	}

	public void setRequester(RequesterForm requester) {
		this.requester = requester;
	}

	public @Nullable Delivery getDelivery() {
		return this.delivery;
	}

	public void setDelivery(@Nullable Delivery delivery) {
		this.delivery = delivery;
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

}
