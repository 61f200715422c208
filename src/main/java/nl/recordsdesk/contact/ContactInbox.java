package nl.recordsdesk.contact;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.recordsdesk.accounts.CurrentStaff;
import nl.recordsdesk.accounts.Roles;
import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.audit.AuditLog;
import nl.recordsdesk.notifications.Outbox;
import nl.recordsdesk.requests.PortalLinks;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's side of the contact form: the inbox, a message, its answer (mailed in the
 * sender's language and kept) or its closing. Every read and change is audited, with the
 * message's id as the subject; the security configuration lets only {@code DESK} reach
 * these pages, and each method checks the role again.
 */
@Service
@Transactional
class ContactInbox {

	static final int PAGE_SIZE = 25;

	/**
	 * Past any real inbox; a higher page number (from a typed URL) would overflow the
	 * offset.
	 */
	static final int MAX_PAGE = 100_000;

	private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	static final int MAX_ANSWER = 5000;

	static final int MAX_REASON = 500;

	private final ContactMessages messages;

	private final AuditLog audit;

	private final Outbox outbox;

	private final Clock clock;

	private final PortalLinks portal;

	ContactInbox(ContactMessages messages, AuditLog audit, Outbox outbox, Clock clock, PortalLinks portal) {
		this.messages = messages;
		this.audit = audit;
		this.outbox = outbox;
		this.clock = clock;
		this.portal = portal;
	}

	/** Which messages the inbox lists, and in which order. */
	enum Show {

		OPEN(EnumSet.of(ContactStatus.OPEN)), ANSWERED(EnumSet.of(ContactStatus.ANSWERED)),
		CLOSED(EnumSet.of(ContactStatus.CLOSED)), ALL(EnumSet.allOf(ContactStatus.class));

		final EnumSet<ContactStatus> statuses;

		Show(EnumSet<ContactStatus> statuses) {
			this.statuses = statuses;
		}

	}

	enum Order {

		/** The longest waiting first: the order to work in. */
		OLDEST,

		NEWEST

	}

	/**
	 * Read-write, as is {@link #find}: the read's audit record is written in this
	 * transaction, on its connection ({@link AuditLog#read}).
	 */
	public Page<ContactMessage> list(Show show, Order order, int page) {
		requireDesk();
		Sort sort = Sort.by((order == Order.NEWEST) ? Sort.Direction.DESC : Sort.Direction.ASC, "receivedAt");
		Page<ContactMessage> found = this.messages.findByStatusIn(show.statuses,
				PageRequest.of(Math.min(Math.max(0, page), MAX_PAGE), PAGE_SIZE, sort));
		this.audit.read(AuditAction.CONTACT_MESSAGES_VIEWED, null, "contact inbox " + show + ", page " + page);
		return found;
	}

	public Optional<ContactMessage> find(UUID id) {
		requireDesk();
		Optional<ContactMessage> message = this.messages.findById(id);
		message.ifPresent(
				(found) -> this.audit.read(AuditAction.CONTACT_MESSAGE_VIEWED, null, id.toString(), "contact message"));
		return message;
	}

	/**
	 * Answers the message: kept with it, mailed to the sender in their language.
	 * @throws AlreadyHandledException when it was answered or closed before, or changed
	 * since the page showed {@code version}
	 */
	public void answer(UUID id, long version, String answer, String staff) {
		ContactMessage message = load(id, version);
		message.answer(answer, staff, this.clock.instant());
		this.audit.change(AuditAction.CONTACT_MESSAGE_ANSWERED, null, id.toString(), "answered by e-mail");
		Map<String, Object> model = new HashMap<>();
		model.put("senderName", message.senderName());
		model.put("receivedOn", LocalDate.ofInstant(message.receivedAt(), AMSTERDAM));
		model.put("topic", message.topic().name());
		model.put("question", message.message());
		model.put("answer", answer);
		model.put("contactPage", this.portal.base() + "/contact");
		this.outbox.queue(message.senderEmail(), message.senderLanguage(), "contact-answer", model);
	}

	/**
	 * Closes the message without answer, with the reason for the record.
	 * @throws AlreadyHandledException when it was answered or closed before, or changed
	 * since the page showed {@code version}
	 */
	public void close(UUID id, long version, String reason, String staff) {
		ContactMessage message = load(id, version);
		message.close(reason, staff, this.clock.instant());
		this.audit.change(AuditAction.CONTACT_MESSAGE_CLOSED, null, id.toString(), "closed without answer");
	}

	private ContactMessage load(UUID id, long version) {
		requireDesk();
		ContactMessage message = this.messages.findByIdForUpdate(id).orElseThrow(NotFound::new);
		if (message.version() != version) {
			throw new AlreadyHandledException();
		}
		return message;
	}

	private static void requireDesk() {
		if (CurrentStaff.find().filter((member) -> member.hasRole(Roles.DESK)).isEmpty()) {
			throw new AccessDeniedException("The contact inbox is for the records desk");
		}
	}

	/** No message with that id. */
	static class NotFound extends RuntimeException {

		NotFound() {
			super("No such contact message");
		}

	}

}
