package nl.recordsdesk.requests;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import nl.recordsdesk.eligibility.EligibilityDecision;
import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.NoticeCode;
import nl.recordsdesk.eligibility.Outcome;
import nl.recordsdesk.eligibility.ReasonCode;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.RequestEvents.Addressee;
import nl.recordsdesk.requests.RequestEvents.CoSignatureDeclined;
import nl.recordsdesk.requests.RequestEvents.CoSigned;
import nl.recordsdesk.requests.RequestEvents.CoSignerInvited;
import nl.recordsdesk.requests.RequestEvents.RequestFiled;
import nl.recordsdesk.requests.RequestEvents.RequestSubmitted;
import nl.recordsdesk.requests.RequestEvents.RequestWithdrawn;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A request for a copy of a medical record or of radiology images, from filing to
 * delivery. About 1,100 lines, not ~300, and on purpose: the state machine of thirteen
 * states and some thirty transitions lives here, one guarded method each (check the
 * state, change it, write the history, register the event); the request's own columns
 * (what was asked, set once at filing) are mapped here; and the views and letters read
 * the parts through the flat accessors at the end ({@code dueDate()},
 * {@code assignedTo()}, ...), which go once those read the parts or projections.
 * Everything else is in a part with its own rules and tests: {@link Deadline},
 * {@link Assignment}, {@link Verification}, {@link Handover}, {@link Appointment},
 * {@link Closure} (columns of this table), and {@link Enclosures} (required items and
 * documents), {@link CoSignatures} (signatures and invitations), {@link Correspondence}
 * (questions and notes), {@link ReviewDecisions} (collections); {@link RequestFactory}
 * makes a new request from the form.
 * <p>
 * Every change is a method that checks the current state, changes it, writes the history
 * and registers an event; nothing else sets the status. The changes are package-private
 * and name their actor by type ({@link Actor.StaffMember} for staff): other modules go
 * through {@link RequestWorkflow}.
 */
@Entity
@Table(name = "request")
public class Request extends AbstractAggregateRoot<Request> {

	/** How long a co-signer's link works (workflow.md: expiry after 30 days). */
	public static final Duration INVITATION_VALIDITY = Duration.ofDays(30);

	/** The items a requester provides in the form; the others come from co-signers. */
	static final Set<ItemCode> REQUESTER_DOCUMENTS = EnumSet.of(ItemCode.REQUESTER_ID, ItemCode.AUTHORIZATION,
			ItemCode.SOLE_CUSTODY_PROOF, ItemCode.GUARDIANSHIP_PROOF, ItemCode.MOTIVATION, ItemCode.STATEMENT);

	@Id
	private UUID id;

	@Version
	private long version;

	private String reference;

	@Column(name = "submission_key")
	private UUID submissionKey;

	@Column(name = "status_token_hash")
	private String statusTokenHash;

	@Enumerated(EnumType.STRING)
	private RequestStatus status;

	@Column(name = "request_type")
	@Enumerated(EnumType.STRING)
	private RequestType type;

	private String language;

	@Column(name = "filed_at")
	private Instant filedAt;

	@Column(name = "submitted_at")
	private @Nullable Instant submittedAt;

	// Hibernate reads an embeddable whose columns are all null as null: each part's
	// accessor below answers its empty value instead.
	@Embedded
	private @Nullable Deadline deadline;

	@Embedded
	private @Nullable Closure closure;

	@Enumerated(EnumType.STRING)
	private Outcome outcome;

	@ElementCollection
	@CollectionTable(name = "request_reason", joinColumns = @JoinColumn(name = "request_id"))
	@OrderColumn(name = "position")
	@Column(name = "code")
	@Enumerated(EnumType.STRING)
	private List<ReasonCode> reasons = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "request_notice", joinColumns = @JoinColumn(name = "request_id"))
	@Column(name = "code")
	@Enumerated(EnumType.STRING)
	private Set<NoticeCode> notices = EnumSet.noneOf(NoticeCode.class);

	@Embedded
	private CopyScope scope;

	@ElementCollection
	@CollectionTable(name = "request_study", joinColumns = @JoinColumn(name = "request_id"))
	@OrderColumn(name = "position")
	private List<ImagingStudy> studies = new ArrayList<>();

	@Column(name = "studies_before_2005")
	private boolean studiesBefore2005;

	@Embedded
	private PatientDetails patient;

	@Column(name = "ivf_treatment")
	private boolean ivfTreatment;

	private @Nullable String motivation;

	@Embedded
	private RequesterDetails requester;

	// Hibernate reads an embeddable whose columns are all null (every copy) as null.
	@Embedded
	private @Nullable RightDetails details;

	@Embedded
	private @Nullable Appointment appointment;

	@Enumerated(EnumType.STRING)
	private Delivery delivery;

	@Embedded
	private @Nullable Assignment assignment;

	@Embedded
	private @Nullable Verification verification;

	@Embedded
	private @Nullable Handover handover;

	// Null without a sign-in (Hibernate reads its all-null columns as null too).
	@Embedded
	private @Nullable VerifiedSignIn signIn;

	@Column(name = "reminders_sent")
	private int remindersSent;

	// The parts below have no column of their own, only collections: Hibernate builds
	// them on every load (a collection is never null), so they are never null.
	@Embedded
	private Enclosures enclosures;

	@Embedded
	private CoSignatures coSignatures;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
	@JoinColumn(name = "request_id", nullable = false)
	@OrderBy("position")
	private List<RequestEvent> history = new ArrayList<>();

	@Embedded
	private Correspondence correspondence;

	@Embedded
	private ReviewDecisions decisions;

	protected Request() {
		this.id = UUID.randomUUID();
		this.reference = "";
		this.submissionKey = UUID.randomUUID();
		this.statusTokenHash = "";
		this.status = RequestStatus.SUBMITTED;
		this.type = RequestType.RECORD_COPY;
		this.language = "nl";
		this.filedAt = Instant.EPOCH;
		this.outcome = Outcome.RECORDS_DESK;
		this.scope = CopyScope.none();
		this.patient = new PatientDetails("", LocalDate.EPOCH, null, false, null);
		this.requester = new RequesterDetails(nl.recordsdesk.eligibility.Relation.SELF, null, "", "", "", "", "", "");
		this.delivery = Delivery.PICKUP_DESK;
		this.details = RightDetails.none();
		this.deadline = Deadline.NONE;
		this.closure = Closure.OPEN;
		this.appointment = Appointment.NONE;
		this.assignment = Assignment.NOBODY;
		this.verification = Verification.NONE;
		this.handover = Handover.NONE;
		this.enclosures = Enclosures.of(List.of());
		this.coSignatures = new CoSignatures();
		this.correspondence = Correspondence.none();
		this.decisions = ReviewDecisions.none();
	}

	/** A new request as the form gives it, before it takes its first state. */
	Request(NewRequest form, EligibilityDecision decision, Reference reference, @Nullable String motivation,
			Enclosures enclosures, CoSignatures coSignatures, Instant now) {
		this();
		this.reference = reference.value();
		this.submissionKey = form.submissionKey();
		this.statusTokenHash = form.statusToken().hash();
		this.type = form.type();
		this.language = form.language().getLanguage();
		this.filedAt = now;
		this.outcome = decision.outcome();
		this.reasons.addAll(decision.reasons());
		this.notices.addAll(decision.notices());
		this.scope = form.scope();
		this.studies.addAll(form.studies());
		this.studiesBefore2005 = form.studiesBefore2005();
		this.patient = form.patient();
		this.ivfTreatment = form.ivfTreatment();
		this.motivation = motivation;
		this.requester = form.requester();
		this.details = form.details();
		this.delivery = form.delivery();
		this.signIn = form.signIn();
		this.enclosures = enclosures;
		this.coSignatures = coSignatures;
	}

	/** A filed request and the links to e-mail: one per co-signer. */
	public record Filing(Request request, Map<CoSignInvitation, SecretToken> invitationLinks) {
	}

	/**
	 * Files a request as the rules decided it: waiting for co-signatures when the rules
	 * ask for any, otherwise straight into the desk's queue with its due date.
	 * @throws IllegalArgumentException when the rules refused the requester or the
	 * request lacks what the requester must provide
	 */
	static Filing file(NewRequest form, EligibilityDecision decision, Reference reference, Instant now, ZoneId zone) {
		return RequestFactory.file(form, decision, reference, now, zone, null);
	}

	/**
	 * Files a request that arrived on paper, entered by the desk: every signature is on
	 * the scanned form ({@link ItemCode#SIGNED_FORM}, and the co-signers' ID copies with
	 * it), so nobody is invited and the request goes straight into the queue, due one
	 * term after the day the paper arrived.
	 * @throws IllegalArgumentException as {@link #file}, or when the scan or an ID copy
	 * is missing
	 */
	static Filing fileFromPaper(NewRequest form, EligibilityDecision decision, Reference reference, PaperReceipt paper,
			Instant now, ZoneId zone) {
		return RequestFactory.file(form, decision, reference, now, zone, paper);
	}

	/** Filed online: to the queue, or waiting for the co-signers invited. */
	void filed(SecretToken statusToken, Map<CoSignInvitation, SecretToken> links, Instant now, ZoneId zone) {
		if (links.isEmpty()) {
			record(now, RequestEvent.Type.FILED, null, RequestStatus.SUBMITTED, Actor.REQUESTER, null);
			enterQueue(now, zone, false);
		}
		else {
			this.status = RequestStatus.AWAITING_SIGNATURES;
			record(now, RequestEvent.Type.FILED, null, RequestStatus.AWAITING_SIGNATURES, Actor.REQUESTER, null);
		}
		String requester = this.requester.name();
		registerEvent(filedEvent(statusToken, links.keySet(), now));
		links.forEach((invitation,
				token) -> registerEvent(new CoSignerInvited(UUID.randomUUID(), this.id, this.reference, this.type,
						requester, new Addressee(invitation.email(), invitation.name(), language()), invitation.role(),
						token, invitation.expiresAt(), now)));
	}

	/** Entered by the desk from paper: to the queue, due from the day it arrived. */
	void enteredFromPaper(SecretToken statusToken, PaperReceipt paper, Instant now, ZoneId zone) {
		record(now, RequestEvent.Type.ENTERED_FROM_PAPER, null, RequestStatus.SUBMITTED, Actor.staff(paper.enteredBy()),
				paper.receivedOn().toString());
		enterQueue(paper.receivedOn().atStartOfDay(zone).toInstant(), zone, false);
		registerEvent(filedEvent(statusToken, List.of(), now));
	}

	/** The event that has the requester mailed the acknowledgement and status link. */
	private RequestFiled filedEvent(SecretToken statusToken, Collection<CoSignInvitation> invited, Instant now) {
		return new RequestFiled(UUID.randomUUID(), this.id, this.reference, Addressee.requesterOf(this), statusToken,
				dueDate(), this.status == RequestStatus.AWAITING_SIGNATURES,
				invited.stream().map(CoSignInvitation::name).toList(),
				this.notices.contains(NoticeCode.CALL_RADIOLOGY_FIRST), now);
	}

	/**
	 * A co-signer signs through their link, with their ID copy where the rules ask for
	 * it. The last co-signature moves the request into the desk's queue.
	 */
	void coSign(CoSignInvitation invitation, SignedBy signedBy, @Nullable UploadedFile idCopy, Instant now,
			ZoneId zone) {
		requireOpenInvitation(invitation, now);
		SignerRole role = invitation.role();
		ItemCode idItem = role.idItem();
		boolean idRequired = idItem != null && requires(idItem);
		if (idRequired && idCopy == null) {
			throw new IllegalArgumentException(role + " must send an ID copy");
		}
		RequiredItem signed = this.enclosures.item(invitation.item());
		Signature signature = this.coSignatures.sign(invitation, signedBy, now);
		signed.satisfy("SIGNATURE:" + signature.id(), now);
		if (idRequired && idCopy != null) {
			this.enclosures.attach(idItem, idCopy, role, now);
		}
		record(now, RequestEvent.Type.CO_SIGNED, this.status, this.status, Actor.coSigner(role), null);
		registerEvent(new CoSigned(this.id, this.reference, invitation.item()));
		if (this.enclosures.complete()) {
			record(now, RequestEvent.Type.SUBMITTED, this.status, RequestStatus.SUBMITTED, Actor.PORTAL, null);
			enterQueue(now, zone, true);
		}
	}

	/**
	 * A co-signer declines. The request cannot go on without them; the requester is told.
	 */
	void declineCoSignature(CoSignInvitation invitation, @Nullable String reason, Instant now) {
		requireOpenInvitation(invitation, now);
		this.coSignatures.decline(invitation, reason, now);
		record(now, RequestEvent.Type.CO_SIGNATURE_DECLINED, this.status, this.status,
				Actor.coSigner(invitation.role()), null);
		registerEvent(new CoSignatureDeclined(UUID.randomUUID(), this.id, this.reference, invitation.item(),
				Addressee.requesterOf(this), invitation.name(), invitation.role(), invitation.declineReason(), now));
	}

	/**
	 * The requester invites a co-signer again, at the address they give (the same one, or
	 * a corrected one): after a decline, or when the first mail went to a wrong address.
	 * The link sent before stops working; the new one works as long as the request waits
	 * for signatures (30 days from filing, as the first did).
	 * @return the new invitation, whose link the caller mails
	 */
	public CoSignInvitation inviteCoSignerAgain(ItemCode item, String email, SecretToken token, Instant now) {
		if (this.status != RequestStatus.AWAITING_SIGNATURES) {
			throw new IllegalTransitionException("A " + this.status + " request waits for no signature");
		}
		CoSignInvitation next = this.coSignatures.inviteAgain(item, email, token,
				this.filedAt.plus(INVITATION_VALIDITY), now);
		record(now, RequestEvent.Type.CO_SIGNER_INVITED_AGAIN, this.status, this.status, Actor.REQUESTER,
				next.role().name());
		registerEvent(new CoSignerInvited(UUID.randomUUID(), this.id, this.reference, this.type, this.requester.name(),
				new Addressee(email, next.name(), language()), next.role(), token, next.expiresAt(), now));
		return next;
	}

	/** The invitation in force for an item: the latest one sent. */
	public Optional<CoSignInvitation> currentInvitation(ItemCode item) {
		return this.coSignatures.current(item);
	}

	/** The requester withdraws; links stop working. */
	void withdraw(Instant now) {
		if (!this.status.isOpen()) {
			throw new IllegalTransitionException("A " + this.status + " request cannot be withdrawn");
		}
		record(now, RequestEvent.Type.WITHDRAWN, this.status, RequestStatus.WITHDRAWN, Actor.REQUESTER, null);
		this.status = RequestStatus.WITHDRAWN;
		this.closure = closure().closedAt(now);
		this.coSignatures.closeOpen(now);
		registerEvent(new RequestWithdrawn(this.id, this.reference));
	}

	/** The requester sends a document that is still missing, through the status page. */
	void provideDocument(ItemCode code, UploadedFile file, Instant now) {
		if (!this.status.isOpen()) {
			throw new IllegalTransitionException("A " + this.status + " request takes no documents");
		}
		if (!REQUESTER_DOCUMENTS.contains(code) || this.enclosures.satisfied(code)) {
			throw new IllegalArgumentException(code + " is not a missing document of the requester");
		}
		this.enclosures.attach(code, file, SignerRole.REQUESTER, now);
		record(now, RequestEvent.Type.DOCUMENT_PROVIDED, this.status, this.status, Actor.REQUESTER, code.name());
	}

	// The back office. Each action is done by the staff member who claimed the request
	// (the handler); a colleague takes the request over first, explicitly. A physician's
	// decision and a note are not the handler's: anyone at the desk may leave a note.

	/**
	 * A desk employee takes the request from the queue. Two at once: one wins (optimistic
	 * lock).
	 */
	void claim(Actor.StaffMember staff, Instant now) {
		if (this.status != RequestStatus.SUBMITTED) {
			throw new IllegalTransitionException("A " + this.status + " request cannot be claimed");
		}
		Assignment claimed = assignment().claimedBy(staff.username());
		record(now, RequestEvent.Type.CLAIMED, this.status, RequestStatus.IN_REVIEW, staff, null);
		this.status = RequestStatus.IN_REVIEW;
		this.assignment = claimed;
	}

	/**
	 * A colleague takes over a request that someone else handles (who is away, or left it
	 * waiting): from now on only they act on it. The history names the previous handler.
	 * The state stays as it is: a request back in the queue still has to be claimed.
	 * @return the previous handler's username
	 */
	String takeOver(Actor.StaffMember staff, Instant now) {
		if (!this.status.isOpen()) {
			throw new IllegalTransitionException("A " + this.status + " request is not taken over");
		}
		Assignment previous = assignment();
		this.assignment = previous.takenOverBy(staff.username());
		record(now, RequestEvent.Type.TAKEN_OVER, this.status, this.status, staff, previous.handler());
		return Objects.requireNonNull(previous.handler());
	}

	/** Back to the queue, for anyone to take. */
	void release(Actor.StaffMember staff, Instant now) {
		requireHandledBy(staff, RequestStatus.IN_REVIEW);
		record(now, RequestEvent.Type.RELEASED, this.status, RequestStatus.SUBMITTED, staff, null);
		this.status = RequestStatus.SUBMITTED;
		this.assignment = Assignment.NOBODY;
	}

	void handOver(Actor.StaffMember staff, Actor.StaffMember colleague, Instant now) {
		requireStatus(RequestStatus.IN_REVIEW);
		Assignment handedOver = assignment().handedOver(staff.username(), colleague.username());
		record(now, RequestEvent.Type.HANDED_OVER, this.status, this.status, staff, colleague.username());
		this.assignment = handedOver;
	}

	/** Identity and documents checked; only when every required item is in. */
	void verifyIdentity(Actor.StaffMember staff, Instant now) {
		requireHandledBy(staff, RequestStatus.IN_REVIEW);
		if (!missingItems().isEmpty()) {
			throw new IllegalTransitionException(
					"Items are missing: " + missingItems().stream().map(RequiredItem::code).toList());
		}
		this.verification = Verification.by(staff.username(), now);
		record(now, RequestEvent.Type.IDENTITY_VERIFIED, this.status, this.status, staff, null);
	}

	/**
	 * Asks the requester something, optionally for a (new) document, which then counts as
	 * missing again. The request waits for the answer on the status page.
	 */
	Question askRequester(Actor.StaffMember staff, String text, @Nullable ItemCode document, Instant now) {
		requireHandledBy(staff, RequestStatus.IN_REVIEW);
		if (document != null) {
			if (!askableDocuments().contains(document)) {
				throw new IllegalArgumentException(document + " is not something the requester sends");
			}
			this.enclosures.reopen(document);
			this.verification = Verification.NONE;
		}
		Question question = this.correspondence.ask(text, document, staff.username(), now);
		record(now, RequestEvent.Type.QUESTION_ASKED, this.status, RequestStatus.AWAITING_REQUESTER, staff, null);
		this.status = RequestStatus.AWAITING_REQUESTER;
		return question;
	}

	/**
	 * The requester answers on the status page (with the document asked for, sent through
	 * {@link #provideDocument} first); the request returns to the queue, still assigned.
	 */
	void answerQuestions(@Nullable String answer, Instant now) {
		if (this.status != RequestStatus.AWAITING_REQUESTER) {
			throw new IllegalTransitionException("No question is waiting for an answer");
		}
		boolean documentMissing = this.correspondence.open()
			.stream()
			.map(Question::requestedItem)
			.anyMatch((item) -> item != null && !this.enclosures.satisfied(item));
		if (documentMissing) {
			throw new IllegalArgumentException("The document asked for is still missing");
		}
		this.correspondence.answer(answer, now);
		record(now, RequestEvent.Type.QUESTION_ANSWERED, this.status, RequestStatus.SUBMITTED, Actor.REQUESTER, null);
		this.status = RequestStatus.SUBMITTED;
	}

	/** Deceased patients' requests always go to a physician, after the desk's checks. */
	void forwardToPhysician(Actor.StaffMember staff, Instant now) {
		requireHandledBy(staff, RequestStatus.IN_REVIEW);
		requireVerified();
		if (this.outcome != Outcome.PHYSICIAN_REVIEW) {
			throw new IllegalTransitionException("The desk decides this request itself");
		}
		record(now, RequestEvent.Type.FORWARDED_TO_PHYSICIAN, this.status, RequestStatus.PHYSICIAN_REVIEW, staff, null);
		this.status = RequestStatus.PHYSICIAN_REVIEW;
	}

	/**
	 * A physician decides. A later decision supersedes an earlier one (both stay) while
	 * the copy has not been handed over. A refusal closes the request: a decision on it
	 * then waits for the physician to {@link #reconsider} it.
	 * @throws RequestClosedException when the request is closed
	 */
	ReviewDecision decide(Actor.StaffMember physician, ReviewDecision.Review review, Instant now) {
		if (closure().closed() || !this.status.isOpen()) {
			throw new RequestClosedException("A " + this.status + " request is closed; reconsider it first");
		}
		boolean superseding = this.decisions.any()
				&& (this.status == RequestStatus.APPROVED || this.status == RequestStatus.IN_PREPARATION);
		if (this.status != RequestStatus.PHYSICIAN_REVIEW && !superseding) {
			throw new IllegalTransitionException("A " + this.status + " request takes no physician's decision");
		}
		ReviewDecision decision = this.decisions.decide(this.type, review, physician.username(), now);
		RequestStatus to = review.granted() ? RequestStatus.APPROVED : RequestStatus.REJECTED;
		record(now, RequestEvent.Type.REVIEW_DECIDED, this.status, this.status, physician, null);
		record(now, review.granted() ? RequestEvent.Type.APPROVED : RequestEvent.Type.REJECTED, this.status, to,
				physician, null);
		this.status = to;
		if (!review.granted()) {
			this.closure = closure().closedAt(now);
		}
		return decision;
	}

	/**
	 * A physician reopens what a physician refused, to decide it again: back to
	 * {@code PHYSICIAN_REVIEW}, no longer closed, with the reason in the history. The
	 * refusal stays on record until a new decision supersedes it.
	 * @throws IllegalTransitionException unless a physician's refusal closed the request
	 * @throws IllegalArgumentException without a reason
	 */
	void reconsider(Actor.StaffMember physician, String reason, Instant now) {
		if (!mayBeReconsidered()) {
			throw new IllegalTransitionException("Only a physician's refusal is reconsidered");
		}
		if (reason.isBlank()) {
			throw new IllegalArgumentException("A reconsideration states its reason");
		}
		record(now, RequestEvent.Type.RECONSIDERED, this.status, RequestStatus.PHYSICIAN_REVIEW, physician,
				reason.strip());
		this.status = RequestStatus.PHYSICIAN_REVIEW;
		this.closure = closure().reopened();
	}

	/** Whether the request is closed by a physician's refusal, its latest decision. */
	public boolean mayBeReconsidered() {
		return this.status == RequestStatus.REJECTED && this.outcome == Outcome.PHYSICIAN_REVIEW
				&& this.decisions.refused();
	}

	/**
	 * Whether a physician may open the request: it is one a physician decides, and the
	 * desk has forwarded it (it waits for a physician, or a physician has decided it).
	 */
	public boolean withPhysician() {
		return this.outcome == Outcome.PHYSICIAN_REVIEW
				&& (this.status == RequestStatus.PHYSICIAN_REVIEW || this.decisions.any());
	}

	/**
	 * The desk approves what the rules let it approve itself (not a deceased patient's
	 * record).
	 */
	void approve(Actor.StaffMember staff, Instant now) {
		requireHandledBy(staff, RequestStatus.IN_REVIEW);
		requireVerified();
		if (this.outcome == Outcome.PHYSICIAN_REVIEW) {
			throw new IllegalTransitionException("A physician decides this request");
		}
		record(now, RequestEvent.Type.APPROVED, this.status, RequestStatus.APPROVED, staff, null);
		this.status = RequestStatus.APPROVED;
	}

	/**
	 * GDPR art. 12(4): a refusal states its reasons; the mail adds the complaint and
	 * court route.
	 */
	void reject(Actor.StaffMember staff, String reason, Instant now) {
		if (!this.status.isOpen()) {
			throw new IllegalTransitionException("A " + this.status + " request cannot be rejected");
		}
		Closure rejected = closure().rejected(reason, now);
		requireHandler(staff);
		if (!deskMayReject()) {
			throw new IllegalTransitionException("A physician decides this request now");
		}
		record(now, RequestEvent.Type.REJECTED, this.status, RequestStatus.REJECTED, staff, null);
		this.status = RequestStatus.REJECTED;
		this.closure = rejected;
	}

	/**
	 * Whether the desk may still refuse: always, for what it decides itself; for what a
	 * physician decides (a deceased patient's record, a destruction) only before it went
	 * to the physician, on formal grounds such as identity or entitlement.
	 */
	public boolean deskMayReject() {
		if (!this.status.isOpen()) {
			return false;
		}
		return this.outcome != Outcome.PHYSICIAN_REVIEW
				|| (this.status != RequestStatus.PHYSICIAN_REVIEW && this.status != RequestStatus.APPROVED
						&& this.status != RequestStatus.IN_PREPARATION && this.status != RequestStatus.READY);
	}

	/**
	 * GDPR art. 12(3): once, by at most two more months, with a reason, and only while
	 * the first month has not run out.
	 */
	void extendDeadline(Actor.StaffMember staff, int months, String reason, Instant now, ZoneId zone) {
		if (!this.status.isOpen()) {
			throw new IllegalTransitionException("Only an open, complete request has a deadline to extend");
		}
		Deadline extended = deadline().extend(months, reason, LocalDate.ofInstant(now, zone), this.type);
		requireHandler(staff);
		this.deadline = extended;
		record(now, RequestEvent.Type.DEADLINE_EXTENDED, this.status, this.status, staff, null);
	}

	/** Which parts were copied. */
	void recordPreparation(Actor.StaffMember staff, String parts, Instant now) {
		if (this.status != RequestStatus.APPROVED) {
			throw new IllegalTransitionException("Only an approved request is prepared");
		}
		if (!this.type.deliversCopy()) {
			throw new IllegalTransitionException("A " + this.type + " request is carried out, not prepared");
		}
		Handover prepared = handover().prepared(parts);
		requireHandler(staff);
		this.handover = prepared;
		this.assignment = Assignment.to(staff.username());
		// What went into the copy stays in the history.
		record(now, RequestEvent.Type.PREPARED, this.status, RequestStatus.IN_PREPARATION, staff, parts);
		this.status = RequestStatus.IN_PREPARATION;
	}

	/**
	 * A copy the portal composed: prepared as any copy, and its parts listed one by one
	 * for the letter that goes with it.
	 */
	void recordPreparation(Actor.StaffMember staff, String parts, CopyContents contents, Instant now) {
		recordPreparation(staff, parts, now);
		if (!contents.isEmpty()) {
			record(now, RequestEvent.Type.COPY_CONTENTS, this.status, this.status, staff, contents.encoded());
		}
	}

	/**
	 * What the copy holds, part by part, where the portal composed it; nothing for a copy
	 * the desk prepared by hand (nor once it was prepared again by hand).
	 */
	public CopyContents copyContents() {
		CopyContents contents = CopyContents.none();
		for (RequestEvent event : this.history) {
			if (event.type() == RequestEvent.Type.PREPARED) {
				contents = CopyContents.none();
			}
			else if (event.type() == RequestEvent.Type.COPY_CONTENTS) {
				contents = CopyContents.decoded(event.detail());
			}
		}
		return contents;
	}

	void markReady(Actor.StaffMember staff, Instant now) {
		if (this.status != RequestStatus.IN_PREPARATION) {
			throw new IllegalTransitionException("Only a prepared copy can be ready");
		}
		if (this.delivery == Delivery.SECURE_DOWNLOAD) {
			throw new IllegalArgumentException("A download needs the copy itself");
		}
		requireHandler(staff);
		record(now, RequestEvent.Type.READY, this.status, RequestStatus.READY, staff, null);
		this.status = RequestStatus.READY;
	}

	/**
	 * The prepared copy is put up for the requester to download, until the link expires.
	 */
	void markReadyForDownload(Actor.StaffMember staff, UploadedFile copy, Instant expiresAt, Instant now) {
		if (this.status != RequestStatus.IN_PREPARATION || this.delivery != Delivery.SECURE_DOWNLOAD) {
			throw new IllegalTransitionException("Only a prepared copy for download can be put up");
		}
		requireHandler(staff);
		this.handover = handover().putUp(copy, expiresAt);
		record(now, RequestEvent.Type.READY, this.status, RequestStatus.READY, staff, null);
		this.status = RequestStatus.READY;
	}

	/**
	 * A new link for a copy put up for download, also once it was downloaded (a requester
	 * who lost the file): the secret status link is replaced by {@code link} (the old one
	 * stops working) and the copy can be downloaded until {@code expiresAt}. The state
	 * stays as it is.
	 */
	void renewDownloadLink(Actor.StaffMember staff, SecretToken link, Instant expiresAt, Instant now) {
		boolean putUp = this.status == RequestStatus.READY || this.status == RequestStatus.DELIVERED;
		if (!putUp || this.delivery != Delivery.SECURE_DOWNLOAD) {
			throw new IllegalTransitionException("Only a copy put up for download gets a new link");
		}
		Handover renewed = handover().linkRenewed(expiresAt, now);
		requireHandler(staff);
		this.handover = renewed;
		this.statusTokenHash = link.hash();
		record(now, RequestEvent.Type.DOWNLOAD_LINK_RENEWED, this.status, this.status, staff, null);
	}

	/**
	 * The requester downloads the copy through the status page; every download is
	 * recorded, and the first one is the delivery: it completes the request (the caller
	 * holds the row lock, so two downloads at once deliver it once).
	 */
	UUID download(Instant now) {
		UUID copyFileId = handover().copyFileId();
		if (!downloadable(now) || copyFileId == null) {
			throw new IllegalTransitionException("No copy to download");
		}
		record(now, RequestEvent.Type.DOWNLOADED, this.status, RequestStatus.DELIVERED, Actor.REQUESTER, null);
		if (this.status == RequestStatus.READY) {
			this.status = RequestStatus.DELIVERED;
			this.closure = closure().closedAt(now);
		}
		return copyFileId;
	}

	public boolean downloadable(Instant now) {
		return handover().downloadOpen(now)
				&& (this.status == RequestStatus.READY || this.status == RequestStatus.DELIVERED);
	}

	public @Nullable String copyFileName() {
		return handover().copyFileName();
	}

	public @Nullable Instant downloadExpiresAt() {
		return handover().downloadExpiresAt();
	}

	/** Whether the copy was put up for download and its link has expired. */
	public boolean downloadExpired(Instant now) {
		return this.delivery == Delivery.SECURE_DOWNLOAD && handover().downloadExpired(now)
				&& (this.status == RequestStatus.READY || this.status == RequestStatus.DELIVERED);
	}

	/**
	 * Handed over. At a desk the requester's ID was shown; for a DVD with a fee, the
	 * payment by debit card was checked. A secure download is not delivered by hand: the
	 * requester's first download is its delivery.
	 */
	void markDelivered(Actor.StaffMember staff, boolean idChecked, boolean feePaid, boolean feeCharged, Instant now) {
		if (this.status != RequestStatus.READY) {
			throw new IllegalTransitionException("Only a ready copy can be delivered");
		}
		if (this.delivery == Delivery.SECURE_DOWNLOAD) {
			throw new IllegalTransitionException("A download is delivered by the requester's first download");
		}
		Handover delivered = handover().delivered(this.delivery, idChecked, feePaid, feeCharged);
		requireHandler(staff);
		this.handover = delivered;
		record(now, RequestEvent.Type.DELIVERED, this.status, RequestStatus.DELIVERED, staff, null);
		this.status = RequestStatus.DELIVERED;
		this.closure = closure().closedAt(now);
	}

	/**
	 * An explanation: the desk arranges the conversation with the treating physician and
	 * tells the requester when and where. A new appointment replaces the earlier one.
	 */
	void scheduleAppointment(Actor.StaffMember staff, Instant at, String place, Instant now, ZoneId zone) {
		if (this.type != RequestType.EXPLANATION || this.status != RequestStatus.APPROVED) {
			throw new IllegalTransitionException("Only an approved explanation gets an appointment");
		}
		Appointment arranged = Appointment.arranged(at, place, now, zone);
		requireHandler(staff);
		this.appointment = arranged;
		this.assignment = Assignment.to(staff.username());
		record(now, RequestEvent.Type.APPOINTMENT_SCHEDULED, this.status, this.status, staff, null);
	}

	/**
	 * A request that asks the hospital to do something (add, correct, destroy, explain)
	 * is carried out, and the desk says what was done; the requester is told. An
	 * explanation is complete once its appointment has taken place.
	 */
	void complete(Actor.StaffMember staff, String note, Instant now) {
		if (this.status != RequestStatus.APPROVED || this.type.deliversCopy()) {
			throw new IllegalTransitionException("Only an approved " + this.type + " request can be completed");
		}
		Closure completed = closure().completed(note, now);
		if (this.type == RequestType.EXPLANATION && !appointment().tookPlaceBy(now)) {
			throw new IllegalTransitionException("The conversation has not taken place yet");
		}
		requireHandler(staff);
		this.closure = completed;
		this.assignment = Assignment.to(staff.username());
		record(now, RequestEvent.Type.COMPLETED, this.status, RequestStatus.COMPLETED, staff, null);
		this.status = RequestStatus.COMPLETED;
	}

	void addNote(Actor.StaffMember staff, String text, Instant now) {
		this.correspondence.note(text, staff.username(), now);
	}

	// Waiting: for co-signatures or for the requester's answer.

	/**
	 * Since when the request waits for someone outside the hospital; empty when it does
	 * not.
	 */
	public Optional<Instant> waitingSince() {
		if (this.status == RequestStatus.AWAITING_SIGNATURES) {
			return Optional.of(this.filedAt);
		}
		if (this.status == RequestStatus.AWAITING_REQUESTER) {
			return this.correspondence.waitingSince();
		}
		return Optional.empty();
	}

	public int remindersSent() {
		return this.remindersSent;
	}

	/** A reminder went out; counted so it never goes out twice. */
	void reminded(Instant now) {
		if (waitingSince().isEmpty()) {
			throw new IllegalTransitionException("A " + this.status + " request waits for nobody");
		}
		this.remindersSent++;
	}

	/** Waited too long: closed, links stop working. */
	void expire(Instant now) {
		if (waitingSince().isEmpty()) {
			throw new IllegalTransitionException("A " + this.status + " request waits for nobody");
		}
		record(now, RequestEvent.Type.EXPIRED, this.status, RequestStatus.EXPIRED, Actor.PORTAL, null);
		this.status = RequestStatus.EXPIRED;
		this.closure = closure().closedAt(now);
		this.coSignatures.closeOpen(now);
	}

	private void requireHandledBy(Actor.StaffMember staff, RequestStatus required) {
		requireStatus(required);
		assignment().requireClaimed(staff.username());
	}

	private void requireStatus(RequestStatus required) {
		if (this.status != required) {
			throw new IllegalTransitionException("Needs " + required + ", is " + this.status);
		}
	}

	private void requireHandler(Actor.StaffMember staff) {
		assignment().requireHandler(staff.username());
	}

	private void requireVerified() {
		verification().require();
	}

	/** The co-signer's invitation that this link opens, if any. */
	public Optional<CoSignInvitation> invitationFor(String tokenHash) {
		return this.coSignatures.invitationFor(tokenHash);
	}

	private void requireOpenInvitation(CoSignInvitation invitation, Instant now) {
		this.coSignatures.requireOwn(invitation);
		if (this.status != RequestStatus.AWAITING_SIGNATURES) {
			throw new IllegalTransitionException("A " + this.status + " request takes no co-signatures");
		}
		this.coSignatures.requireOpen(invitation, now);
	}

	/**
	 * GDPR art. 12(3): the answer is due one calendar month after the request is
	 * complete; a request to destroy the record three (art. 7:455 BW).
	 */
	private void enterQueue(Instant now, ZoneId zone, boolean afterCoSignatures) {
		this.status = RequestStatus.SUBMITTED;
		this.submittedAt = now;
		this.deadline = Deadline.startingAt(now, zone, this.type);
		registerEvent(new RequestSubmitted(UUID.randomUUID(), this.id, this.reference, deadline().dueDate(),
				Addressee.requesterOf(this), afterCoSignatures, now));
	}

	private void record(Instant at, RequestEvent.Type type, @Nullable RequestStatus from, RequestStatus to, Actor actor,
			@Nullable String detail) {
		this.history.add(new RequestEvent(this.history.size(), at, type, from, to, actor, detail));
	}

	/**
	 * The events registered and not yet published (published when the repository saves).
	 */
	List<Object> pendingEvents() {
		return List.copyOf(domainEvents());
	}

	/**
	 * The documents the desk may ask the requester for (again): those a requester
	 * provides, a statement only for an addition.
	 */
	public List<ItemCode> askableDocuments() {
		return REQUESTER_DOCUMENTS.stream()
			.filter((code) -> code != ItemCode.STATEMENT || this.type == RequestType.ADDITION)
			.toList();
	}

	public boolean requires(ItemCode code) {
		return this.enclosures.requires(code);
	}

	/** The requester's sign-in that stood for their ID copy, when there was one. */
	public @Nullable VerifiedSignIn signIn() {
		return this.signIn;
	}

	public UUID id() {
		return this.id;
	}

	public String reference() {
		return this.reference;
	}

	public RequestStatus status() {
		return this.status;
	}

	public RequestType type() {
		return this.type;
	}

	public Locale language() {
		return Locale.forLanguageTag(this.language);
	}

	public Instant filedAt() {
		return this.filedAt;
	}

	public @Nullable Instant submittedAt() {
		return this.submittedAt;
	}

	public Deadline deadline() {
		return (this.deadline != null) ? this.deadline : Deadline.NONE;
	}

	public Closure closure() {
		return (this.closure != null) ? this.closure : Closure.OPEN;
	}

	public Appointment appointment() {
		return (this.appointment != null) ? this.appointment : Appointment.NONE;
	}

	public Assignment assignment() {
		return (this.assignment != null) ? this.assignment : Assignment.NOBODY;
	}

	public Verification verification() {
		return (this.verification != null) ? this.verification : Verification.NONE;
	}

	public Handover handover() {
		return (this.handover != null) ? this.handover : Handover.NONE;
	}

	// The readings below are the parts' own, kept for the views and letters that read
	// them by these names.

	public @Nullable LocalDate dueDate() {
		return deadline().dueDate();
	}

	public @Nullable Instant closedAt() {
		return closure().closedAt();
	}

	public Outcome outcome() {
		return this.outcome;
	}

	public List<ReasonCode> reasons() {
		return List.copyOf(this.reasons);
	}

	public List<NoticeCode> notices() {
		return this.notices.stream().sorted(Comparator.comparing(Enum::name)).toList();
	}

	public CopyScope scope() {
		return this.scope;
	}

	public List<ImagingStudy> studies() {
		return List.copyOf(this.studies);
	}

	public boolean studiesBefore2005() {
		return this.studiesBefore2005;
	}

	public PatientDetails patient() {
		return this.patient;
	}

	public boolean ivfTreatment() {
		return this.ivfTreatment;
	}

	public @Nullable String motivation() {
		return this.motivation;
	}

	public RequesterDetails requester() {
		return this.requester;
	}

	public Delivery delivery() {
		return this.delivery;
	}

	public RightDetails details() {
		return (this.details != null) ? this.details : RightDetails.none();
	}

	public @Nullable Instant appointmentAt() {
		return appointment().at();
	}

	public @Nullable String appointmentPlace() {
		return appointment().place();
	}

	public @Nullable String completionNote() {
		return closure().completionNote();
	}

	/** The required items in reading order, each with what satisfied it. */
	public List<RequiredItem> items() {
		return this.enclosures.items();
	}

	public List<RequiredItem> missingItems() {
		return this.enclosures.missing();
	}

	public List<RequestDocument> documents() {
		return this.enclosures.documents();
	}

	public List<Signature> signatures() {
		return this.coSignatures.signatures();
	}

	public List<CoSignInvitation> invitations() {
		return this.coSignatures.invitations();
	}

	/** The co-signatures, for the filing to invite the co-signers. */
	CoSignatures coSignatures() {
		return this.coSignatures;
	}

	public List<RequestEvent> history() {
		return List.copyOf(this.history);
	}

	public List<Question> questions() {
		return this.correspondence.questions();
	}

	public List<ReviewDecision> decisions() {
		return this.decisions.all();
	}

	/** The decision in force: the latest. */
	public Optional<ReviewDecision> decision() {
		return this.decisions.latest();
	}

	public List<Note> notes() {
		return this.correspondence.notes();
	}

	public @Nullable String assignedTo() {
		return assignment().handler();
	}

	public @Nullable Instant identityVerifiedAt() {
		return verification().verifiedAt();
	}

	public @Nullable String identityVerifiedBy() {
		return verification().verifiedBy();
	}

	public @Nullable LocalDate originalDueDate() {
		return deadline().originalDueDate();
	}

	public @Nullable String extensionReason() {
		return deadline().extensionReason();
	}

	public @Nullable String rejectionReason() {
		return closure().rejectionReason();
	}

	public @Nullable String preparedParts() {
		return handover().preparedParts();
	}

	public boolean idCheckedAtPickup() {
		return handover().idCheckedAtPickup();
	}

	public boolean feePaid() {
		return handover().feePaid();
	}

	public long version() {
		return this.version;
	}

}
