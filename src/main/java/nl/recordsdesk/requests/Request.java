package nl.recordsdesk.requests;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import nl.recordsdesk.requests.RequestEvents.CoSignatureDeclined;
import nl.recordsdesk.requests.RequestEvents.CoSigned;
import nl.recordsdesk.requests.RequestEvents.RequestFiled;
import nl.recordsdesk.requests.RequestEvents.RequestSubmitted;
import nl.recordsdesk.requests.RequestEvents.RequestWithdrawn;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A request for a copy of a medical record or of radiology images, from filing to
 * delivery. Every change is a method that checks the current state, changes it, writes
 * the history and registers an event; nothing else sets the status.
 */
@Entity
@Table(name = "request")
public class Request extends AbstractAggregateRoot<Request> {

	/** How long a co-signer's link works (workflow.md: expiry after 30 days). */
	public static final Duration INVITATION_VALIDITY = Duration.ofDays(30);

	/** The items a requester provides in the form; the others come from co-signers. */
	static final Set<ItemCode> REQUESTER_DOCUMENTS = EnumSet.of(ItemCode.REQUESTER_ID, ItemCode.AUTHORIZATION,
			ItemCode.SOLE_CUSTODY_PROOF, ItemCode.GUARDIANSHIP_PROOF, ItemCode.MOTIVATION);

	static final String REQUESTER = "REQUESTER";

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

	@Column(name = "due_date")
	private @Nullable LocalDate dueDate;

	@Column(name = "closed_at")
	private @Nullable Instant closedAt;

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

	@Enumerated(EnumType.STRING)
	private Delivery delivery;

	@ElementCollection
	@CollectionTable(name = "request_item", joinColumns = @JoinColumn(name = "request_id"))
	private List<RequiredItem> items = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
	@JoinColumn(name = "request_id", nullable = false)
	@OrderBy("uploadedAt")
	private List<RequestDocument> documents = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
	@JoinColumn(name = "request_id", nullable = false)
	@OrderBy("signedAt")
	private List<Signature> signatures = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
	@JoinColumn(name = "request_id", nullable = false)
	private List<CoSignInvitation> invitations = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
	@JoinColumn(name = "request_id", nullable = false)
	@OrderBy("position")
	private List<RequestEvent> history = new ArrayList<>();

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
	public static Filing file(NewRequest form, EligibilityDecision decision, Reference reference, Instant now,
			ZoneId zone) {
		if (!decision.entitled()) {
			throw new IllegalArgumentException("The rules did not entitle this requester: " + decision.reasons());
		}
		if (!Arrays.asList(Delivery.forType(form.type())).contains(form.delivery())) {
			throw new IllegalArgumentException(form.delivery() + " is no delivery for " + form.type());
		}
		Request request = new Request();
		request.reference = reference.value();
		request.submissionKey = form.submissionKey();
		request.statusTokenHash = form.statusToken().hash();
		request.type = form.type();
		request.language = form.language().getLanguage();
		request.filedAt = now;
		request.outcome = decision.outcome();
		request.reasons.addAll(decision.reasons());
		request.notices.addAll(decision.notices());
		request.scope = form.scope();
		request.studies.addAll(form.studies());
		request.studiesBefore2005 = form.studiesBefore2005();
		request.patient = form.patient();
		request.ivfTreatment = form.ivfTreatment();
		request.requester = form.requester();
		request.delivery = form.delivery();
		request.signatures.add(new Signature(SignerRole.REQUESTER, form.signature(), now));

		decision.required().forEach((code) -> request.items.add(new RequiredItem(code)));
		for (ItemCode code : decision.required()) {
			if (!REQUESTER_DOCUMENTS.contains(code)) {
				continue;
			}
			UploadedFile file = form.documents().get(code);
			if (code == ItemCode.MOTIVATION && file == null && hasText(form.motivation())) {
				request.motivation = form.motivation();
				request.item(code).satisfy("TEXT", now);
			}
			else if (file != null) {
				RequestDocument document = new RequestDocument(code, file, SignerRole.REQUESTER, now);
				request.documents.add(document);
				request.item(code).satisfy("DOCUMENT:" + document.id(), now);
			}
			else {
				throw new IllegalArgumentException("The requester did not provide " + code);
			}
		}

		Map<CoSignInvitation, SecretToken> links = new LinkedHashMap<>();
		for (ItemCode code : decision.coSignatures()) {
			CoSigner coSigner = form.coSigners()
				.stream()
				.filter((candidate) -> candidate.item() == code)
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Nobody named to provide " + code));
			SecretToken token = SecretToken.generate();
			CoSignInvitation invitation = new CoSignInvitation(coSigner, token, now.plus(INVITATION_VALIDITY));
			request.invitations.add(invitation);
			links.put(invitation, token);
		}

		if (links.isEmpty()) {
			request.record(now, RequestEvent.Type.FILED, null, RequestStatus.SUBMITTED, REQUESTER, null);
			request.enterQueue(now, zone);
		}
		else {
			request.status = RequestStatus.AWAITING_SIGNATURES;
			request.record(now, RequestEvent.Type.FILED, null, RequestStatus.AWAITING_SIGNATURES, REQUESTER, null);
		}
		request.registerEvent(new RequestFiled(request.id, request.reference));
		return new Filing(request, links);
	}

	/**
	 * A co-signer signs through their link, with their ID copy where the rules ask for
	 * it. The last co-signature moves the request into the desk's queue.
	 */
	public void coSign(CoSignInvitation invitation, SignedBy signedBy, @Nullable UploadedFile idCopy, Instant now,
			ZoneId zone) {
		requireOpenInvitation(invitation, now);
		SignerRole role = invitation.role();
		ItemCode idItem = role.idItem();
		boolean idRequired = idItem != null && requires(idItem);
		if (idRequired && idCopy == null) {
			throw new IllegalArgumentException(role + " must send an ID copy");
		}
		Signature signature = new Signature(role, signedBy, now);
		this.signatures.add(signature);
		item(invitation.item()).satisfy("SIGNATURE:" + signature.id(), now);
		if (idRequired && idCopy != null) {
			RequestDocument document = new RequestDocument(idItem, idCopy, role, now);
			this.documents.add(document);
			item(idItem).satisfy("DOCUMENT:" + document.id(), now);
		}
		invitation.signed(now);
		record(now, RequestEvent.Type.CO_SIGNED, this.status, this.status, role.name(), null);
		registerEvent(new CoSigned(this.id, this.reference, invitation.item()));
		if (this.items.stream().allMatch(RequiredItem::satisfied)) {
			record(now, RequestEvent.Type.SUBMITTED, this.status, RequestStatus.SUBMITTED, "SYSTEM", null);
			enterQueue(now, zone);
		}
	}

	/**
	 * A co-signer declines. The request cannot go on without them; the requester is told.
	 */
	public void declineCoSignature(CoSignInvitation invitation, @Nullable String reason, Instant now) {
		requireOpenInvitation(invitation, now);
		invitation.declined(hasText(reason) ? reason : null, now);
		record(now, RequestEvent.Type.CO_SIGNATURE_DECLINED, this.status, this.status, invitation.role().name(), null);
		registerEvent(new CoSignatureDeclined(this.id, this.reference, invitation.item()));
	}

	/** The requester withdraws; links stop working. */
	public void withdraw(Instant now) {
		if (!this.status.isOpen()) {
			throw new IllegalTransitionException("A " + this.status + " request cannot be withdrawn");
		}
		record(now, RequestEvent.Type.WITHDRAWN, this.status, RequestStatus.WITHDRAWN, REQUESTER, null);
		this.status = RequestStatus.WITHDRAWN;
		this.closedAt = now;
		this.invitations.stream().filter((invitation) -> invitation.open(now)).forEach((open) -> open.expired(now));
		registerEvent(new RequestWithdrawn(this.id, this.reference));
	}

	/** The requester sends a document that is still missing, through the status page. */
	public void provideDocument(ItemCode code, UploadedFile file, Instant now) {
		if (!this.status.isOpen()) {
			throw new IllegalTransitionException("A " + this.status + " request takes no documents");
		}
		RequiredItem item = item(code);
		if (!REQUESTER_DOCUMENTS.contains(code) || item.satisfied()) {
			throw new IllegalArgumentException(code + " is not a missing document of the requester");
		}
		RequestDocument document = new RequestDocument(code, file, SignerRole.REQUESTER, now);
		this.documents.add(document);
		item.satisfy("DOCUMENT:" + document.id(), now);
		record(now, RequestEvent.Type.DOCUMENT_PROVIDED, this.status, this.status, REQUESTER, code.name());
	}

	/** The co-signer's invitation that this link opens, if any. */
	public Optional<CoSignInvitation> invitationFor(String tokenHash) {
		return this.invitations.stream().filter((invitation) -> invitation.matches(tokenHash)).findFirst();
	}

	private void requireOpenInvitation(CoSignInvitation invitation, Instant now) {
		if (!this.invitations.contains(invitation)) {
			throw new IllegalArgumentException("Not an invitation of request " + this.reference);
		}
		if (this.status != RequestStatus.AWAITING_SIGNATURES) {
			throw new IllegalTransitionException("A " + this.status + " request takes no co-signatures");
		}
		if (!invitation.open(now)) {
			throw new IllegalTransitionException("The invitation is " + invitation.status() + " or expired");
		}
	}

	/**
	 * GDPR art. 12(3): the answer is due one calendar month after the request is
	 * complete.
	 */
	private void enterQueue(Instant now, ZoneId zone) {
		this.status = RequestStatus.SUBMITTED;
		this.submittedAt = now;
		this.dueDate = LocalDate.ofInstant(now, zone).plusMonths(1);
		registerEvent(new RequestSubmitted(this.id, this.reference, this.dueDate));
	}

	private void record(Instant at, RequestEvent.Type type, @Nullable RequestStatus from, RequestStatus to,
			String actor, @Nullable String detail) {
		this.history.add(new RequestEvent(this.history.size(), at, type, from, to, actor, detail));
	}

	private RequiredItem item(ItemCode code) {
		return this.items.stream()
			.filter((item) -> item.code() == code)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(code + " is not required of " + this.reference));
	}

	private static boolean hasText(@Nullable String text) {
		return text != null && !text.isBlank();
	}

	/**
	 * The events registered and not yet published (published when the repository saves).
	 */
	List<Object> pendingEvents() {
		return List.copyOf(domainEvents());
	}

	public boolean requires(ItemCode code) {
		return this.items.stream().anyMatch((item) -> item.code() == code);
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

	public @Nullable LocalDate dueDate() {
		return this.dueDate;
	}

	public @Nullable Instant closedAt() {
		return this.closedAt;
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

	/** The required items in reading order, each with what satisfied it. */
	public List<RequiredItem> items() {
		return this.items.stream().sorted(Comparator.comparing(RequiredItem::code)).toList();
	}

	public List<RequiredItem> missingItems() {
		return items().stream().filter((item) -> !item.satisfied()).toList();
	}

	public List<RequestDocument> documents() {
		return List.copyOf(this.documents);
	}

	public List<Signature> signatures() {
		return List.copyOf(this.signatures);
	}

	public List<CoSignInvitation> invitations() {
		return List.copyOf(this.invitations);
	}

	public List<RequestEvent> history() {
		return List.copyOf(this.history);
	}

}
