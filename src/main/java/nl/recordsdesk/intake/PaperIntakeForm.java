package nl.recordsdesk.intake;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import nl.recordsdesk.TypedDate;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.Delivery;
import org.jspecify.annotations.Nullable;

/**
 * The desk's page for a request that came on paper: the public form's questions (what,
 * the patient, the requester), and what only the desk knows: the day the paper arrived,
 * the language to write in, how the answer is to reach the requester. Its own answers are
 * checked with Bean Validation as on today ({@link FormValidation}), the public form's
 * parts and what needs the rules by {@link PaperIntakeChecks}.
 */
public class PaperIntakeForm implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	// The same ways of typing a date as the form's birth date.
	@TypedDate
	@NotNull(message = "{desk.intake.receivedOn.required}")
	@PastOrPresent(message = "{desk.intake.receivedOn.future}")
	private @Nullable LocalDate receivedOn;

	private WhatForm what = new WhatForm();

	private PatientForm patient = new PatientForm();

	private RequesterForm requester = new RequesterForm();

	@NotNull(message = "{request.delivery.required}")
	private @Nullable Delivery delivery;

	private String language = "nl";

	static final List<String> LANGUAGES = List.of("nl", "en");

	@Holds(on = "delivery", message = "{request.delivery.notForType}")
	boolean isDeliveryForType() {
		RequestType type = this.what.getRequestType();
		return this.delivery == null || type == null || Arrays.asList(Delivery.forType(type)).contains(this.delivery);
	}

	/** A secure download is announced by e-mail: a letter alone cannot bring its link. */
	@Holds(on = "delivery", message = "{desk.intake.delivery.downloadNeedsEmail}")
	boolean isDownloadReachable() {
		return this.delivery != Delivery.SECURE_DOWNLOAD || !isDeliveryForType()
				|| !Texts.blank(this.requester.getEmail());
	}

	@Holds(on = "language", message = "{desk.intake.language.required}")
	boolean isLanguageKnown() {
		return LANGUAGES.contains(this.language);
	}

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
