package nl.recordsdesk.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.NoticeCode;
import nl.recordsdesk.eligibility.Outcome;
import nl.recordsdesk.eligibility.ReasonCode;
import nl.recordsdesk.eligibility.RequestType;
import org.jspecify.annotations.Nullable;

/**
 * A request as staff see it, on the desk's request page and the physician's: read inside
 * the transaction (the web layer has no open session), with what the state allows a given
 * member. The desk's and the physicians' modules share it, so neither depends on the
 * other. Holds no file contents and no token.
 */
public record StaffRequestView(String reference, long version, RequestStatus status, RequestType type, Outcome outcome,
		Instant filedAt, @Nullable LocalDate dueDate, @Nullable LocalDate originalDueDate,
		@Nullable String extensionReason, @Nullable String assignedTo, @Nullable Instant identityVerifiedAt,
		@Nullable String identityVerifiedBy, CopyScope scope, List<ImagingStudy> studies, boolean studiesBefore2005,
		PatientDetails patient, boolean ivfTreatment, RequesterDetails requester, @Nullable String motivation,
		Delivery delivery, List<ReasonCode> reasons, List<NoticeCode> notices, List<Check> checklist,
		List<Doc> documents, List<Sig> signatures, List<Invitee> coSigners, List<Entry> history,
		List<Question> questions, List<ReviewDecision> decisions, List<Note> notes, @Nullable String rejectionReason,
		@Nullable String preparedParts, RightDetails details, @Nullable Instant appointmentAt,
		@Nullable String appointmentPlace, @Nullable String completionNote, boolean deskMayReject,
		List<ItemCode> askableDocuments, @Nullable VerifiedSignIn signIn) {

	private static final java.time.ZoneId AMSTERDAM = java.time.ZoneId.of("Europe/Amsterdam");

	/** A required item and what satisfied it. */
	public record Check(ItemCode item, boolean satisfied, @Nullable String satisfiedBy, @Nullable Instant at) {
	}

	public record Doc(UUID id, ItemCode item, String fileName, String contentType, long size, String sha256,
			String uploadedBy, Instant uploadedAt, boolean purged, boolean withheld) {

		/** Whether the page may show it: neither deleted nor waiting for its scan. */
		public boolean viewable() {
			return !this.purged && !this.withheld;
		}

		public boolean image() {
			return this.contentType.startsWith("image/");
		}

		public boolean pdf() {
			return "application/pdf".equals(this.contentType);
		}

	}

	public record Sig(String role, String name, Signature.Method method, Instant signedAt) {
	}

	public record Invitee(String name, String email, String role, CoSignInvitation.Status status,
			@Nullable Instant respondedAt, @Nullable String declineReason) {
	}

	/**
	 * @param actorRole who acted when it was not a member of staff, as a code the page
	 * words ({@code REQUESTER}, {@code SYSTEM} or a co-signer's role); {@code null} when
	 * {@code actor} is a staff username
	 */
	public record Entry(Instant at, RequestEvent.Type type, @Nullable RequestStatus from, RequestStatus to,
			String actor, @Nullable String actorRole, @Nullable String detail) {

		/**
		 * Whether the detail is a staff username: the colleague handed to or taken from.
		 */
		public boolean namesStaff() {
			return this.type == RequestEvent.Type.HANDED_OVER || this.type == RequestEvent.Type.TAKEN_OVER;
		}

		/** The item a document sent afterwards was for, when the detail names one. */
		public @Nullable ItemCode providedItem() {
			if (this.type != RequestEvent.Type.DOCUMENT_PROVIDED || this.detail == null) {
				return null;
			}
			return java.util.Arrays.stream(ItemCode.values())
				.filter((code) -> code.name().equals(this.detail))
				.findFirst()
				.orElse(null);
		}

	}

	/**
	 * @param withheld the stored files that may not be opened yet (waiting for their
	 * virus scan) or ever (found infected)
	 */
	public static StaffRequestView of(Request request, java.util.Set<UUID> withheld) {
		Map<UUID, RequestDocument> documents = request.documents()
			.stream()
			.collect(Collectors.toMap(RequestDocument::id, Function.identity()));
		return new StaffRequestView(request.reference(), request.version(), request.status(), request.type(),
				request.outcome(), request.filedAt(), request.dueDate(), request.originalDueDate(),
				request.extensionReason(), request.assignedTo(), request.identityVerifiedAt(),
				request.identityVerifiedBy(), request.scope(), request.studies(), request.studiesBefore2005(),
				request.patient(), request.ivfTreatment(), request.requester(), request.motivation(),
				request.delivery(), request.reasons(), request.notices(),
				request.items()
					.stream()
					.map((item) -> new Check(item.code(), item.satisfied(), describe(item.satisfiedBy(), documents),
							item.satisfiedAt()))
					.toList(),
				request.documents()
					.stream()
					.map((d) -> new Doc(d.id(), d.item(), d.fileName(), d.contentType(), d.size(), d.sha256(),
							d.uploadedBy().name(), d.uploadedAt(), d.purgedAt() != null,
							d.fileId() != null && withheld.contains(d.fileId())))
					.toList(),
				request.signatures()
					.stream()
					.map((s) -> new Sig(s.role().name(), s.signerName(), s.method(), s.signedAt()))
					.toList(),
				request.invitations()
					.stream()
					.map((i) -> new Invitee(i.name(), i.email(), i.role().name(), i.status(), i.respondedAt(),
							i.declineReason()))
					.toList(),
				request.history()
					.stream()
					// The preparation's words say what the copy holds, for the desk.
					.filter((e) -> e.type() != RequestEvent.Type.COPY_CONTENTS)
					.map((e) -> new Entry(e.occurredAt(), e.type(), e.from(), e.to(), e.actor(), actorRole(e.actor()),
							e.detail()))
					.toList(),
				request.questions(), request.decisions(), request.notes(), request.rejectionReason(),
				request.preparedParts(), request.details(), request.appointmentAt(), request.appointmentPlace(),
				request.completionNote(), request.deskMayReject(), request.askableDocuments(), request.signIn());
	}

	/** Who acted, as a code for the page's words; none for a member of staff. */
	private static @Nullable String actorRole(String stored) {
		Actor actor = Actor.fromStored(stored);
		if (actor instanceof Actor.CoSigner coSigner) {
			return coSigner.role().name();
		}
		if (actor instanceof Actor.Requester) {
			return "REQUESTER";
		}
		return (actor instanceof Actor.Portal) ? "SYSTEM" : null;
	}

	/** "DOCUMENT:id" becomes the file name; a signature or written text says so. */
	private static @Nullable String describe(@Nullable String satisfiedBy, Map<UUID, RequestDocument> documents) {
		if (satisfiedBy == null) {
			return null;
		}
		if (satisfiedBy.startsWith("DOCUMENT:")) {
			RequestDocument document = documents.get(UUID.fromString(satisfiedBy.substring("DOCUMENT:".length())));
			return (document != null) ? document.fileName() : satisfiedBy;
		}
		return satisfiedBy.startsWith("SIGNATURE:") ? "SIGNATURE" : satisfiedBy;
	}

	public boolean claimable(String staff) {
		return this.status == RequestStatus.SUBMITTED && (this.assignedTo == null || this.assignedTo.equals(staff));
	}

	public boolean handledBy(String staff) {
		return this.status == RequestStatus.IN_REVIEW && staff.equals(this.assignedTo);
	}

	/**
	 * Whether a colleague handles this open request: then this member sees who, and may
	 * take it over, instead of the actions.
	 */
	public boolean heldByOther(String staff) {
		return this.status.isOpen() && this.assignedTo != null && !this.assignedTo.equals(staff);
	}

	public boolean complete() {
		return this.checklist.stream().allMatch(Check::satisfied);
	}

	/** The staff usernames this page names: to be shown with their display names. */
	public java.util.Set<String> staffUsernames() {
		java.util.Set<String> usernames = new java.util.HashSet<>();
		if (this.assignedTo != null) {
			usernames.add(this.assignedTo);
		}
		if (this.identityVerifiedBy != null) {
			usernames.add(this.identityVerifiedBy);
		}
		this.history.forEach((entry) -> {
			usernames.add(entry.actor());
			if (entry.namesStaff() && entry.detail() != null) {
				usernames.add(entry.detail());
			}
		});
		this.notes.forEach((note) -> usernames.add(note.writtenBy()));
		this.decisions.forEach((decision) -> usernames.add(decision.decidedBy()));
		return usernames;
	}

	/** Approved and carried out by the hospital rather than handed over as a copy. */
	public boolean toCarryOut() {
		return this.status == RequestStatus.APPROVED && !this.type.deliversCopy();
	}

	/** An explanation waits for its appointment before it can be completed. */
	public boolean waitsForAppointment() {
		return this.type == RequestType.EXPLANATION && this.appointmentAt == null;
	}

	/**
	 * Whether identity and documents can be recorded as checked: everything is in, and
	 * every document can be opened.
	 */
	public boolean verifiable() {
		return complete() && this.documents.stream().noneMatch(Doc::withheld);
	}

	public boolean physicianDecides() {
		return this.outcome == Outcome.PHYSICIAN_REVIEW;
	}

	/**
	 * The patient's age in whole years on the day the request was filed
	 * (Europe/Amsterdam), the age the rules were applied to.
	 */
	public int patientAgeAtRequest() {
		LocalDate filedOn = LocalDate.ofInstant(this.filedAt, AMSTERDAM);
		return Math.max(0, java.time.Period.between(this.patient.birthDate(), filedOn).getYears());
	}

	/** The day the request was filed, in Europe/Amsterdam. */
	public LocalDate filedOn() {
		return LocalDate.ofInstant(this.filedAt, AMSTERDAM);
	}

	/** The documents sent for one item, for the checklist that shows them beside it. */
	public List<Doc> documentsFor(ItemCode item) {
		return this.documents.stream().filter((doc) -> doc.item() == item).toList();
	}

	/** The documents for no item of the checklist (sent for an item no longer asked). */
	public List<Doc> otherDocuments() {
		java.util.Set<ItemCode> listed = this.checklist.stream()
			.map(Check::item)
			.collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(ItemCode.class)));
		return this.documents.stream().filter((doc) -> !listed.contains(doc.item())).toList();
	}

	public boolean extendable() {
		return this.type.extensible() && this.status.isOpen() && this.dueDate != null && this.originalDueDate == null;
	}

}
