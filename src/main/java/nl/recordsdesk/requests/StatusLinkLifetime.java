package nl.recordsdesk.requests;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long the requester's links (the status page with everything behind it, and a
 * co-signer's link) keep working once the request is closed. The request's own closing
 * time counts, not the last mail or the download's end: a link in an old mailbox stops
 * opening the request's history a set time after its answer.
 */
@Component
class StatusLinkLifetime {

	private final Duration validAfterClosing;

	StatusLinkLifetime(
			@Value("${recordsdesk.requests.status-link-valid-after-closing:P90D}") Duration validAfterClosing) {
		if (validAfterClosing.isNegative()) {
			throw new IllegalArgumentException(
					"recordsdesk.requests.status-link-valid-after-closing must not be negative, not "
							+ validAfterClosing);
		}
		this.validAfterClosing = validAfterClosing;
	}

	/** Whether the request's links no longer open it at {@code now}. */
	boolean expired(Request request, Instant now) {
		return request.closure().expiredAfter(this.validAfterClosing, now);
	}

	Duration validAfterClosing() {
		return this.validAfterClosing;
	}

}
