package nl.recordsdesk.requests;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.notifications.Outbox;
import nl.recordsdesk.requests.RequestEvents.Addressee;
import nl.recordsdesk.requests.RequestEvents.AppointmentScheduled;
import nl.recordsdesk.requests.RequestEvents.CoSignatureDeclined;
import nl.recordsdesk.requests.RequestEvents.CoSignerInvited;
import nl.recordsdesk.requests.RequestEvents.DeadlineExtended;
import nl.recordsdesk.requests.RequestEvents.RequestCarriedOut;
import nl.recordsdesk.requests.RequestEvents.RequestFiled;
import nl.recordsdesk.requests.RequestEvents.RequestReady;
import nl.recordsdesk.requests.RequestEvents.RequestRejected;
import nl.recordsdesk.requests.RequestEvents.RequestSubmitted;
import nl.recordsdesk.requests.RequestEvents.RequesterAsked;
import nl.recordsdesk.requests.RequestEvents.DownloadLinkRenewed;
import nl.recordsdesk.requests.RequestEvents.ReviewDecided;
import nl.recordsdesk.requests.RequestEvents.ReviewReconsidered;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The mail about a request, to its requester and co-signers, queued in reaction to the
 * request's events: each listener runs after the change has committed, on a thread of the
 * task executor, in a transaction of its own, and the publication registry
 * ({@code event_publication}) keeps the event until it has. Should the portal stop before
 * that, the event is handed to the listener again at the next start or by the
 * resubmission job ({@code IncompletePublications}), on whichever instance. The outbox
 * key comes from the event's id, so an event handed over twice (two instances
 * resubmitting it, a listener that queued the mail and stopped before the publication was
 * marked complete) queues its mail once.
 * <p>
 * The texts are those the services queued before: every value comes from the event, as it
 * was at the change; "today" is the day of the change.
 */
@Component
class RequestMail {

	private final Outbox outbox;

	private final PortalLinks links;

	private final Clock clock;

	private final String radiologyPhone;

	RequestMail(Outbox outbox, PortalLinks links, Clock clock,
			// The same setting, and default, as web's Hospital: the acknowledgement names
			// radiology's number for studies from before 2005.
			@Value("${recordsdesk.hospital.radiology-phone:(010) 704 20 06}") String radiologyPhone) {
		this.radiologyPhone = radiologyPhone;
		this.outbox = outbox;
		this.links = links;
		this.clock = clock;
	}

	/** The acknowledgement, with the status link. */
	@ApplicationModuleListener
	void on(RequestFiled event) {
		Map<String, Object> model = new HashMap<>();
		model.put("reference", event.reference());
		model.put("requesterName", event.requester().name());
		model.put("statusLink", this.links.statusPage(event.statusToken()));
		model.put("dueDate", event.dueDate());
		model.put("awaitingSignatures", event.awaitingSignatures());
		model.put("coSigners", event.coSigners());
		if (event.callRadiologyFirst()) {
			model.put("radiologyPhone", this.radiologyPhone);
		}
		model.put(Outbox.SUBJECT_ARGS, new Object[] { event.reference() });
		queue(event.id(), event.requester(), "request-received", model);
	}

	/** The co-signer's invitation, with their personal link. */
	@ApplicationModuleListener
	void on(CoSignerInvited event) {
		Map<String, Object> model = new HashMap<>();
		model.put("reference", event.reference());
		model.put("name", event.coSigner().name());
		model.put("role", event.role().name());
		model.put("type", event.type().name());
		model.put("requesterName", event.requesterName());
		model.put("link", this.links.coSignPage(event.token()));
		model.put("expiresAt", LocalDate.ofInstant(event.expiresAt(), this.clock.getZone()));
		model.put(Outbox.SUBJECT_ARGS, new Object[] { event.requesterName() });
		queue(event.id(), event.coSigner(), "cosign-invitation", model);
	}

	/**
	 * The last co-signature made the request complete; a request complete at filing was
	 * acknowledged as such.
	 */
	@ApplicationModuleListener
	void on(RequestSubmitted event) {
		if (!event.afterCoSignatures()) {
			return;
		}
		Map<String, Object> model = toRequester(event.reference(), event.requester(), event.occurredAt());
		model.put("dueDate", event.dueDate());
		queue(event.id(), event.requester(), "request-complete", model);
	}

	@ApplicationModuleListener
	void on(CoSignatureDeclined event) {
		Map<String, Object> model = toRequester(event.reference(), event.requester(), event.occurredAt());
		model.put("coSignerName", event.coSignerName());
		model.put("role", event.role().name());
		model.put("reason", event.reason());
		queue(event.id(), event.requester(), "cosign-declined", model);
	}

	@ApplicationModuleListener
	void on(RequesterAsked event) {
		Map<String, Object> model = toRequester(event.reference(), event.requester(), event.occurredAt());
		model.put("question", event.question());
		queue(event.id(), event.requester(), "desk-question", model);
	}

	@ApplicationModuleListener
	void on(RequestRejected event) {
		Map<String, Object> model = toRequester(event.reference(), event.requester(), event.occurredAt());
		model.put("reason", event.reason());
		queue(event.id(), event.requester(), "request-rejected", model);
	}

	/** The requester's new link to the status page and the copy's download. */
	@ApplicationModuleListener
	void on(DownloadLinkRenewed event) {
		Map<String, Object> model = toRequester(event.reference(), event.requester(), event.occurredAt());
		model.put("statusLink", this.links.statusPage(event.statusToken()));
		model.put("expiresAt", LocalDateTime.ofInstant(event.expiresAt(), this.clock.getZone()));
		queue(event.id(), event.requester(), "download-link-renewed", model);
	}

	/** The requester is told that a refusal is being looked at once more. */
	@ApplicationModuleListener
	void on(ReviewReconsidered event) {
		queue(event.id(), event.requester(), "review-reconsidered",
				toRequester(event.reference(), event.requester(), event.occurredAt()));
	}

	@ApplicationModuleListener
	void on(DeadlineExtended event) {
		Map<String, Object> model = toRequester(event.reference(), event.requester(), event.occurredAt());
		model.put("reason", event.reason());
		model.put("dueDate", event.dueDate());
		queue(event.id(), event.requester(), "deadline-extended", model);
	}

	@ApplicationModuleListener
	void on(RequestReady event) {
		Map<String, Object> model = toRequester(event.reference(), event.requester(), event.occurredAt());
		model.put("delivery", event.delivery().name());
		queue(event.id(), event.requester(), "request-ready", model);
	}

	@ApplicationModuleListener
	void on(AppointmentScheduled event) {
		Map<String, Object> model = toRequester(event.reference(), event.requester(), event.occurredAt());
		model.put("at", event.at());
		model.put("place", event.place());
		queue(event.id(), event.requester(), "appointment-scheduled", model);
	}

	@ApplicationModuleListener
	void on(RequestCarriedOut event) {
		Map<String, Object> model = toRequester(event.reference(), event.requester(), event.occurredAt());
		model.put("note", event.note());
		model.put("type", event.type().name());
		queue(event.id(), event.requester(), "request-carried-out", model);
	}

	/** Both refusals are told; a grant is told when the copy is ready. */
	@ApplicationModuleListener
	void on(ReviewDecided event) {
		if (event.granted()) {
			return;
		}
		Map<String, Object> model = toRequester(event.reference(), event.requester(), event.occurredAt());
		if (event.type() == RequestType.DESTRUCTION) {
			model.put("ground", event.ground().name());
			queue(event.id(), event.requester(), "destruction-refused", model);
		}
		else {
			queue(event.id(), event.requester(), "review-refused", model);
		}
	}

	private Map<String, Object> toRequester(String reference, Addressee requester, Instant occurredAt) {
		Map<String, Object> model = new HashMap<>();
		model.put("reference", reference);
		model.put("requesterName", requester.name());
		model.put("today", LocalDate.ofInstant(occurredAt, this.clock.getZone()));
		model.put(Outbox.SUBJECT_ARGS, new Object[] { reference });
		return model;
	}

	/**
	 * Nothing for an addressee without an address: a requester whose request the desk
	 * entered from paper is written to by post (the desk prints the letters).
	 */
	private void queue(UUID eventId, Addressee to, String template, Map<String, Object> model) {
		if (to.email().isBlank()) {
			return;
		}
		this.outbox.queueOnce(key(eventId, template), to.email(), to.language(), template, model);
	}

	/** One mail per event and template, whichever instance queues it, however often. */
	static UUID key(UUID eventId, String template) {
		return UUID.nameUUIDFromBytes((template + ":" + eventId).getBytes(StandardCharsets.UTF_8));
	}

}
