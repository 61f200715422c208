package nl.recordsdesk.requests;

import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.audit.AuditLog;
import nl.recordsdesk.eligibility.EligibilityDecision;
import nl.recordsdesk.eligibility.NoticeCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files a request from the public form: the request, its documents, signature and
 * invitations in one transaction, with the events ({@code RequestFiled},
 * {@code CoSignerInvited}) from which {@link RequestMail} queues the acknowledgement and
 * the invitations after the commit. A second attempt with the same form (double click,
 * back button, retry) finds the first request instead of filing another.
 */
@Service
public class RequestFiling {

	/**
	 * How long a second attempt with a form waits for the first to be filed; filing takes
	 * a fraction of a second, much more only on an overloaded machine.
	 */
	static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(15);

	private static final Duration FIRST_PAUSE = Duration.ofMillis(25);

	private static final Duration LONGEST_PAUSE = Duration.ofMillis(500);

	private static final Logger log = LoggerFactory.getLogger(RequestFiling.class);

	private final Requests requests;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	RequestFiling(Requests requests, Clock clock, TransactionTemplate transactions, AuditLog audit) {
		this.requests = requests;
		this.clock = clock;
		this.transactions = transactions;
		this.audit = audit;
	}

	/**
	 * What the requester is shown after filing. Serializable: it is a flash attribute, so
	 * it passes through the session in the database.
	 */
	public record Filed(String reference, RequestStatus status, @Nullable LocalDate dueDate,
			boolean callRadiologyFirst) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		static Filed of(Request request) {
			return new Filed(request.reference(), request.status(), request.dueDate(),
					request.notices().contains(NoticeCode.CALL_RADIOLOGY_FIRST));
		}

	}

	/**
	 * Files the form once. A second attempt with the same form finds the request the
	 * first one filed; while the first is still being filed, the second waits for it
	 * holding no connection (each look is a short transaction of its own) rather than on
	 * the submission key's unique index, and files the form itself if the first failed.
	 * @throws FilingInProgressException when another attempt with the same form is still
	 * being filed after {@link #IN_FLIGHT_WAIT}
	 */
	public Filed file(NewRequest form, EligibilityDecision decision) {
		return file(form, decision, null);
	}

	/**
	 * Files a request that arrived on paper, entered by the desk member signed in: once,
	 * as {@link #file}, audited as their change. The requester is mailed the status link
	 * when the desk entered an e-mail address; without one nobody is mailed (the desk
	 * prints the acknowledgement letter).
	 * @throws FilingInProgressException as {@link #file}
	 */
	public Filed fileFromPaper(NewRequest form, EligibilityDecision decision, PaperReceipt paper) {
		return file(form, decision, paper);
	}

	private Filed file(NewRequest form, EligibilityDecision decision, @Nullable PaperReceipt paper) {
		Optional<Filed> earlier = filedBefore(form);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		long deadline = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
		Duration pause = FIRST_PAUSE;
		while (true) {
			Optional<Filed> filed;
			try {
				filed = this.transactions.execute((status) -> fileUnlessInFlight(form, decision, paper));
			}
			catch (DataIntegrityViolationException ex) {
				// Filed meanwhile without the lock (cannot happen between instances of
				// this
				// version, which all take it): show what was filed.
				return filedBefore(form).orElseThrow(() -> ex);
			}
			if (filed != null && filed.isPresent()) {
				return filed.get();
			}
			if (System.nanoTime() - deadline > 0) {
				throw new FilingInProgressException();
			}
			pause(pause);
			pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
		}
	}

	/**
	 * In one transaction: the submission key's lock (not waited for), then the request
	 * filed with that key meanwhile, or else a new one. Empty when another transaction
	 * holds the lock, that is, is filing this form right now.
	 */
	private Optional<Filed> fileUnlessInFlight(NewRequest form, EligibilityDecision decision,
			@Nullable PaperReceipt paper) {
		UUID key = form.submissionKey();
		if (!this.requests.tryLockSubmission(key.getMostSignificantBits() ^ key.getLeastSignificantBits())) {
			return Optional.empty();
		}
		Optional<Filed> earlier = filedBefore(form);
		return earlier.isPresent() ? earlier : Optional.of(fileOnce(form, decision, paper));
	}

	private static void pause(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FilingInProgressException();
		}
	}

	private Optional<Filed> filedBefore(NewRequest form) {
		return this.requests.findBySubmissionKey(form.submissionKey()).map(Filed::of);
	}

	private Filed fileOnce(NewRequest form, EligibilityDecision decision, @Nullable PaperReceipt paper) {
		LocalDate today = LocalDate.now(this.clock);
		Reference reference = Reference.of(today.getYear(), this.requests.nextNumber());
		Request.Filing filing = (paper != null)
				? Request.fileFromPaper(form, decision, reference, paper, this.clock.instant(), this.clock.getZone())
				: Request.file(form, decision, reference, this.clock.instant(), this.clock.getZone());
		// Saving publishes the request's events into this transaction's publications.
		Request request = this.requests.saveAndFlush(filing.request());
		if (paper != null) {
			this.audit.change(AuditAction.REQUEST_ENTERED_FROM_PAPER, request.reference(),
					"received " + paper.receivedOn());
		}
		log.info("Filed request {} ({}, {} co-signers)", request.reference(), request.status(),
				filing.invitationLinks().size());
		return Filed.of(request);
	}

	/** Only for tests that look a filing up again. */
	@Transactional(readOnly = true)
	Optional<Request> find(String reference) {
		return this.requests.findByReference(reference);
	}

}
