package nl.recordsdesk.requests;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import nl.recordsdesk.eligibility.RequestType;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requests a signed-in requester filed with their DigiD sign-in, found by the keyed
 * hash of their BSN (an index, no row decrypted): for their own-requests page.
 */
@Service
public class OwnRequests {

	/** More than anyone files; the page says when there are more. */
	static final int SHOWN = 100;

	private final Requests requests;

	private final Clock clock;

	OwnRequests(Requests requests, Clock clock) {
		this.requests = requests;
		this.clock = clock;
	}

	/**
	 * One of the requester's requests, as their page lists it.
	 *
	 * @param reference the request's reference
	 * @param type what was asked
	 * @param patientName whom it is about (the requester, or their child)
	 * @param status where it stands
	 * @param filedAt when it was filed
	 * @param dueDate the answer's due date, when it has one
	 * @param downloadable whether a prepared copy can be downloaded now
	 */
	public record OwnRequest(String reference, RequestType type, String patientName, RequestStatus status,
			Instant filedAt, @Nullable LocalDate dueDate, boolean downloadable) {
	}

	/** The requester's requests, newest first, at most {@value #SHOWN}. */
	@Transactional(readOnly = true)
	public List<OwnRequest> of(String bsnKey) {
		Instant now = this.clock.instant();
		return this.requests.findBySignInBsnKey(bsnKey, PageRequest.of(0, SHOWN))
			.stream()
			.map((request) -> new OwnRequest(request.reference(), request.type(), request.patient().name(),
					request.status(), request.filedAt(), request.dueDate(), request.downloadable(now)))
			.toList();
	}

}
