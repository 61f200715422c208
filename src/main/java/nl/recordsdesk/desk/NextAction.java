package nl.recordsdesk.desk;

import nl.recordsdesk.requests.Delivery;
import nl.recordsdesk.requests.RequestStatus;
import nl.recordsdesk.requests.StaffRequestView;
import org.jspecify.annotations.Nullable;

/**
 * The actions that can be a request's next one on the desk's request page, each with its
 * form there ({@code data-next}).
 */
enum NextAction {

	TAKE_OVER, CLAIM, VERIFY, FORWARD, APPROVE, APPOINTMENT, COMPLETE, PREPARE, READY, DELIVER;

	/**
	 * The one action the state allows this member next, shown as the page's primary
	 * button; {@code null} while the request waits for someone else (the requester, a
	 * co-signer, a physician) or is closed.
	 */
	static @Nullable NextAction of(StaffRequestView request, String staff) {
		if (request.heldByOther(staff)) {
			return TAKE_OVER;
		}
		if (request.claimable(staff)) {
			return CLAIM;
		}
		if (request.handledBy(staff)) {
			if (request.identityVerifiedAt() == null) {
				return VERIFY;
			}
			return request.physicianDecides() ? FORWARD : APPROVE;
		}
		if (request.toCarryOut()) {
			return request.waitsForAppointment() ? APPOINTMENT : COMPLETE;
		}
		if (request.status() == RequestStatus.APPROVED && request.type().deliversCopy()) {
			return PREPARE;
		}
		if (request.status() == RequestStatus.IN_PREPARATION) {
			return READY;
		}
		// A secure download is delivered by the requester's first download, not by hand.
		if (request.status() == RequestStatus.READY && request.delivery() != Delivery.SECURE_DOWNLOAD) {
			return DELIVER;
		}
		return null;
	}

}
