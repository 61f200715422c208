package nl.recordsdesk.intake;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import nl.recordsdesk.eligibility.EligibilityDecision;
import nl.recordsdesk.eligibility.EligibilityQuestion;
import nl.recordsdesk.eligibility.EligibilityRules;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.digid.VerifiedRequester;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.RequestFiling;
import nl.recordsdesk.requests.SecretToken;
import nl.recordsdesk.requests.UploadedFile;
import org.jspecify.annotations.Nullable;

/**
 * A request being filled in, kept in the visitor's session between steps: the answers of
 * each completed step and references to accepted uploads (their contents are in the
 * database). Nothing of it becomes a request until the last step is sent.
 */
final class RequestDraft implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static final String SESSION_KEY = RequestDraft.class.getName();

	/**
	 * The requester-provided document items, in the order the documents step asks for
	 * them.
	 */
	static final List<ItemCode> DOCUMENT_ITEMS = List.of(ItemCode.REQUESTER_ID, ItemCode.AUTHORIZATION,
			ItemCode.SOLE_CUSTODY_PROOF, ItemCode.GUARDIANSHIP_PROOF, ItemCode.MOTIVATION, ItemCode.STATEMENT);

	final UUID submissionKey = UUID.randomUUID();

	final String statusToken = SecretToken.generate().value();

	@Nullable WhatForm what;

	@Nullable PatientForm patient;

	@Nullable RequesterForm requester;

	/**
	 * Answers given on the checker page for the first three steps, shown on each step
	 * until the visitor sends it ({@link #fromChecker}); they do not count as a step
	 * done. Null in a draft written before they existed.
	 */
	@Nullable WhatForm whatBegun;

	@Nullable PatientForm patientBegun;

	@Nullable RequesterForm requesterBegun;

	final Map<ItemCode, UploadedFile> documents = new EnumMap<>(ItemCode.class);

	@Nullable String motivationText;

	CoSignersForm coSigners = new CoSignersForm();

	boolean coSignersDone;

	@Nullable DeliveryForm delivery;

	@Nullable EmailCode emailCode;

	/**
	 * The requester's DigiD sign-in, kept in step with the session's by
	 * {@link StepRouter}: it stands for the requester's ID copy, and its name (and for a
	 * request about the requester themself, its birth date) cannot be changed. Null
	 * without one, and in a draft written before it existed.
	 */
	@Nullable VerifiedRequester signIn;

	/**
	 * When codes were mailed for this draft (within the last hour). Null in a draft
	 * written before it existed.
	 */
	private java.util.@Nullable ArrayList<java.time.Instant> codesSent;

	List<java.time.Instant> codesSent() {
		return (this.codesSent != null) ? this.codesSent : List.of();
	}

	void codesSent(List<java.time.Instant> sent) {
		this.codesSent = new java.util.ArrayList<>(sent);
	}

	static RequestDraft of(HttpSession session) {
		Object draft = session.getAttribute(SESSION_KEY);
		if (draft instanceof RequestDraft existing) {
			return existing;
		}
		RequestDraft created = new RequestDraft();
		session.setAttribute(SESSION_KEY, created);
		// A new request is begun: a post of the one sent before is no longer answered
		// with it.
		session.removeAttribute(SENT_KEY);
		return created;
	}

	/** The session's draft, without beginning one; null when there is none. */
	static @Nullable RequestDraft peek(HttpSession session) {
		return (session.getAttribute(SESSION_KEY) instanceof RequestDraft draft) ? draft : null;
	}

	static void discard(HttpSession session) {
		session.removeAttribute(SESSION_KEY);
	}

	/** Where the session keeps what the last request sent from it was. */
	static final String SENT_KEY = RequestDraft.class.getName() + ".sent";

	/**
	 * The request just sent from this session, with its status link: for its page after
	 * sending, and for the same form posted again (the answer to the first post was lost)
	 * which then shows it instead of starting over.
	 */
	record Sent(RequestFiling.Filed filed, String statusLink) implements Serializable {

	}

	/** The draft is done with: the session keeps only what was sent. */
	static void sent(HttpSession session, Sent sent) {
		session.removeAttribute(SESSION_KEY);
		session.setAttribute(SENT_KEY, sent);
	}

	/** What was sent, while no new request has been begun in this session. */
	static Optional<Sent> sent(HttpSession session) {
		return (session.getAttribute(SESSION_KEY) == null && session.getAttribute(SENT_KEY) instanceof Sent sent)
				? Optional.of(sent) : Optional.empty();
	}

	/**
	 * Tells the session the draft changed, so a replicated or persisted session is
	 * updated.
	 */
	void save(HttpSession session) {
		session.setAttribute(SESSION_KEY, this);
	}

	/**
	 * Takes the checker's answers into the draft: they replace the same answers of the
	 * first three steps, every other answer (names, address, documents) is kept. The
	 * three steps are open again, so the visitor sees each one with the new answers and
	 * sends it once more.
	 */
	void fromChecker(CheckerAnswers answers) {
		WhatForm what = (this.what != null) ? this.what : (this.whatBegun != null) ? this.whatBegun : new WhatForm();
		PatientForm patient = (this.patient != null) ? this.patient
				: (this.patientBegun != null) ? this.patientBegun : new PatientForm();
		RequesterForm requester = (this.requester != null) ? this.requester
				: (this.requesterBegun != null) ? this.requesterBegun : new RequesterForm();
		answers.fill(what, patient, requester);
		this.whatBegun = what;
		this.patientBegun = patient;
		this.requesterBegun = requester;
		this.what = null;
		this.patient = null;
		this.requester = null;
	}

	/**
	 * Takes the session's sign-in (or its end). Who signed in is the requester, so the
	 * requester's name is theirs; when they ask about themselves, so are the patient's
	 * name and birth date. Answers typed otherwise are overwritten, on every request.
	 * @return whether the draft changed
	 */
	boolean signedIn(@Nullable VerifiedRequester current) {
		boolean changed = !java.util.Objects.equals(this.signIn, current);
		this.signIn = current;
		if (current == null) {
			return changed;
		}
		for (RequesterForm requester : java.util.Arrays.asList(this.requester, this.requesterBegun)) {
			if (requester != null && !current.name().equals(requester.getName())) {
				requester.setName(current.name());
				changed = true;
			}
		}
		if (aboutSignedIn()) {
			for (PatientForm patient : java.util.Arrays.asList(this.patient, this.patientBegun)) {
				changed |= patient != null && fromSignIn(patient, current);
			}
		}
		return changed;
	}

	/** Whether the request is about the requester signed in: the relation is SELF. */
	boolean aboutSignedIn() {
		RequesterForm requester = (this.requester != null) ? this.requester : this.requesterBegun;
		return this.signIn != null && requester != null && requester.getRelation() == Relation.SELF;
	}

	/** The patient's name and birth date from the sign-in; whether they changed. */
	static boolean fromSignIn(PatientForm patient, VerifiedRequester signIn) {
		boolean changed = !signIn.name().equals(patient.getName())
				|| !signIn.birthDate().equals(patient.getBirthDate());
		patient.setName(signIn.name());
		patient.setBirthDate(signIn.birthDate());
		return changed;
	}

	/** The first step's answers to show: sent, else from the checker, else none. */
	WhatForm whatShown() {
		return (this.what != null) ? this.what : (this.whatBegun != null) ? this.whatBegun : new WhatForm();
	}

	PatientForm patientShown() {
		return (this.patient != null) ? this.patient
				: (this.patientBegun != null) ? this.patientBegun : new PatientForm();
	}

	RequesterForm requesterShown() {
		return (this.requester != null) ? this.requester
				: (this.requesterBegun != null) ? this.requesterBegun : new RequesterForm();
	}

	RequestType type() {
		return (this.what != null && this.what.getRequestType() != null) ? this.what.getRequestType()
				: RequestType.RECORD_COPY;
	}

	/**
	 * The rules' answer to what is known so far; empty until the requester step is done.
	 */
	Optional<EligibilityDecision> decision(EligibilityRules rules) {
		return decision(rules, null);
	}

	/**
	 * The rules' answer on a given day (a request on paper: the day it arrived); today
	 * when null.
	 */
	Optional<EligibilityDecision> decision(EligibilityRules rules, @Nullable LocalDate submittedOn) {
		if (this.what == null || this.patient == null || this.requester == null) {
			return Optional.empty();
		}
		EligibilityQuestion question = question(this.requester, submittedOn);
		return rules.validate(question).isEmpty() ? Optional.of(rules.decide(question)) : Optional.empty();
	}

	EligibilityQuestion question(EligibilityRules rules, RequesterForm requester) {
		return question(requester, null);
	}

	EligibilityQuestion question(RequesterForm requester, @Nullable LocalDate submittedOn) {
		WhatForm what = this.what;
		PatientForm patient = this.patient;
		boolean imaging = what != null && what.getRequestType() == RequestType.IMAGING_COPY;
		return new EligibilityQuestion((what != null) ? what.getRequestType() : null, submittedOn,
				(patient != null) ? patient.getBirthDate() : null, patient != null && patient.isDeceased(),
				requester.getRelation(), requester.getParentalAuthority(),
				what != null && what.getRequestType() == RequestType.RECORD_COPY && patient != null
						&& patient.isIvfTreatment(),
				imaging && Boolean.TRUE.equals(what.getStudiesBefore2005()));
	}

	/**
	 * The documents the documents step asks for: those the rules require, but for a
	 * statement the requester already typed in the first step.
	 */
	List<ItemCode> documentItems(EligibilityDecision decision) {
		return DOCUMENT_ITEMS.stream()
			.filter(decision::requires)
			// The sign-in is the requester's own ID; only that one.
			.filter((item) -> item != ItemCode.REQUESTER_ID || this.signIn == null)
			.filter((item) -> item != ItemCode.STATEMENT || this.what == null || !this.what.statementTyped())
			.toList();
	}

	/** The documents the requester still has to add for this decision. */
	List<ItemCode> missingDocuments(EligibilityDecision decision) {
		return documentItems(decision).stream()
			.filter((item) -> !this.documents.containsKey(item))
			.filter((item) -> item != ItemCode.MOTIVATION || Texts.blank(this.motivationText))
			.toList();
	}

	/** The first step that still needs an answer; CHECK when all are in. */
	Step firstIncomplete(EligibilityRules rules) {
		if (this.what == null) {
			return Step.WHAT;
		}
		if (this.patient == null) {
			return Step.PATIENT;
		}
		Optional<EligibilityDecision> decision = decision(rules);
		if (this.requester == null || decision.isEmpty() || !decision.get().entitled()) {
			return Step.REQUESTER;
		}
		if (!missingDocuments(decision.get()).isEmpty()) {
			return Step.DOCUMENTS;
		}
		List<ItemCode> coSignatures = decision.get().coSignatures();
		List<ItemCode> named = this.coSigners.getRows().stream().map(CoSignersForm.Row::getItem).toList();
		if (!coSignatures.isEmpty() && (!this.coSignersDone || !named.equals(coSignatures))) {
			return Step.COSIGNERS;
		}
		if (this.delivery == null || this.delivery.getDelivery() == null
				|| !nl.recordsdesk.requests.Delivery.accepts(type(), this.delivery.getDelivery())) {
			return Step.DELIVERY;
		}
		return Step.CHECK;
	}

}
