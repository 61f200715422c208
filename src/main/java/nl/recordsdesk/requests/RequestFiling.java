package nl.recordsdesk.requests;

import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import nl.recordsdesk.eligibility.EligibilityDecision;
import nl.recordsdesk.notifications.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files a request from the public form: the request, its documents, signature and
 * invitations, and the e-mails about them, in one transaction. A second attempt with the
 * same form (double click, back button, retry) finds the first request instead of filing
 * another.
 */
@Service
public class RequestFiling {

	private static final Logger log = LoggerFactory.getLogger(RequestFiling.class);

	private final Requests requests;

	private final Outbox outbox;

	private final PortalLinks links;

	private final Clock clock;

	private final TransactionTemplate transactions;

	RequestFiling(Requests requests, Outbox outbox, PortalLinks links, Clock clock, TransactionTemplate transactions) {
		this.requests = requests;
		this.outbox = outbox;
		this.links = links;
		this.clock = clock;
		this.transactions = transactions;
	}

	/**
	 * What the requester is shown after filing. Serializable: it is a flash attribute, so
	 * it passes through the session in the database.
	 */
	public record Filed(String reference, RequestStatus status,
			@org.jspecify.annotations.Nullable LocalDate dueDate) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

	}

	public Filed file(NewRequest form, EligibilityDecision decision) {
		Optional<Filed> earlier = filedBefore(form);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		try {
			Filed filed = this.transactions.execute((status) -> fileOnce(form, decision));
			if (filed == null) {
				throw new IllegalStateException("Filing returned nothing");
			}
			return filed;
		}
		catch (DataIntegrityViolationException ex) {
			// Another click of the same form won the race: show what it filed.
			return filedBefore(form).orElseThrow(() -> ex);
		}
	}

	private Optional<Filed> filedBefore(NewRequest form) {
		return this.requests.findBySubmissionKey(form.submissionKey())
			.map((request) -> new Filed(request.reference(), request.status(), request.dueDate()));
	}

	private Filed fileOnce(NewRequest form, EligibilityDecision decision) {
		LocalDate today = LocalDate.now(this.clock);
		Reference reference = Reference.of(today.getYear(), this.requests.nextNumber());
		Request.Filing filing = Request.file(form, decision, reference, this.clock.instant(), this.clock.getZone());
		Request request = this.requests.saveAndFlush(filing.request());

		Map<String, Object> model = new HashMap<>();
		model.put("reference", request.reference());
		model.put("requesterName", request.requester().name());
		model.put("statusLink", this.links.statusPage(form.statusToken()));
		model.put("dueDate", request.dueDate());
		model.put("awaitingSignatures", request.status() == RequestStatus.AWAITING_SIGNATURES);
		model.put("coSigners", filing.invitationLinks().keySet().stream().map(CoSignInvitation::name).toList());
		model.put("subjectArgs", new Object[] { request.reference() });
		this.outbox.queue(request.requester().email(), request.language(), "request-received", model);

		filing.invitationLinks().forEach((invitation, token) -> {
			Map<String, Object> invite = new HashMap<>();
			invite.put("reference", request.reference());
			invite.put("name", invitation.name());
			invite.put("role", invitation.role().name());
			invite.put("type", request.type().name());
			invite.put("requesterName", request.requester().name());
			invite.put("link", this.links.coSignPage(token));
			invite.put("expiresAt", LocalDate.ofInstant(invitation.expiresAt(), this.clock.getZone()));
			invite.put("subjectArgs", new Object[] { request.requester().name() });
			this.outbox.queue(invitation.email(), request.language(), "cosign-invitation", invite);
		});
		log.info("Filed request {} ({}, {} co-signers)", request.reference(), request.status(),
				filing.invitationLinks().size());
		return new Filed(request.reference(), request.status(), request.dueDate());
	}

	/** Only for tests that look a filing up again. */
	@Transactional(readOnly = true)
	Optional<Request> find(String reference) {
		return this.requests.findByReference(reference);
	}

}
