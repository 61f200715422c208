package nl.recordsdesk.requests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import nl.recordsdesk.notifications.Outbox;
import nl.recordsdesk.scheduling.OncePerPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requests that wait for co-signatures or for the requester: a reminder to the requester
 * after 7 and after 21 days, expiry after 30 (workflow.md). The reminder goes to the
 * requester also when a co-signer is slow: their links exist only as hashes, and the
 * requester knows them.
 */
@Component
class WaitingRequests {

	static final Duration FIRST_REMINDER = Duration.ofDays(7);

	static final Duration SECOND_REMINDER = Duration.ofDays(21);

	static final Duration EXPIRY = Duration.ofDays(30);

	private static final Logger log = LoggerFactory.getLogger(WaitingRequests.class);

	private final Requests requests;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final Clock clock;

	WaitingRequests(Requests requests, Outbox outbox, TransactionTemplate transactions, Clock clock) {
		this.requests = requests;
		this.outbox = outbox;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(cron = "${recordsdesk.requests.waiting-check-cron:0 30 2 * * *}",
			zone = "${recordsdesk.requests.waiting-check-zone:Europe/Amsterdam}")
	@OncePerPeriod("waiting-requests")
	public void checkDaily() {
		check(this.clock.instant());
	}

	/** One transaction per request, so one failure stops nothing else. */
	int check(Instant now) {
		int changed = 0;
		for (UUID id : this.requests.waitingIds()) {
			Boolean done = this.transactions
				.execute((status) -> this.requests.lockIfFree(id).map((request) -> handle(request, now)).orElse(false));
			if (Boolean.TRUE.equals(done)) {
				changed++;
			}
		}
		if (changed > 0) {
			log.info("Reminded or expired {} waiting requests", changed);
		}
		return changed;
	}

	private boolean handle(Request request, Instant now) {
		Instant since = request.waitingSince().orElse(null);
		if (since == null) {
			return false;
		}
		Duration waited = Duration.between(since, now);
		boolean forSignatures = request.status() == RequestStatus.AWAITING_SIGNATURES;
		if (waited.compareTo(EXPIRY) >= 0) {
			request.expire(now);
			this.requests.save(request);
			mail(request, "request-expired", forSignatures);
			return true;
		}
		int due = (waited.compareTo(SECOND_REMINDER) >= 0) ? 2 : (waited.compareTo(FIRST_REMINDER) >= 0) ? 1 : 0;
		if (request.remindersSent() >= due) {
			return false;
		}
		request.reminded(now);
		this.requests.save(request);
		mail(request, "waiting-reminder", forSignatures);
		return true;
	}

	private void mail(Request request, String template, boolean forSignatures) {
		Map<String, Object> model = new HashMap<>();
		model.put("reference", request.reference());
		model.put("requesterName", request.requester().name());
		model.put("forSignatures", forSignatures);
		model.put("coSigners",
				request.invitations()
					.stream()
					.filter((invitation) -> invitation.status() == CoSignInvitation.Status.PENDING
							|| invitation.status() == CoSignInvitation.Status.EXPIRED)
					.map(CoSignInvitation::name)
					.toList());
		model.put(Outbox.SUBJECT_ARGS, new Object[] { request.reference() });
		// A requester without an address (a request entered from paper) is not mailed.
		if (!request.requester().email().isBlank()) {
			this.outbox.queue(request.requester().email(), request.language(), template, model);
		}
	}

}
