package nl.recordsdesk.contact;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import nl.recordsdesk.notifications.Outbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a message from the contact form and confirms it to the sender. The confirmation
 * repeats nothing the sender wrote, not even their name: whoever types someone else's
 * address cannot use the form to put words of their own in that person's mailbox.
 */
@Service
class ContactReception {

	private final ContactMessages messages;

	private final Outbox outbox;

	private final Clock clock;

	ContactReception(ContactMessages messages, Outbox outbox, Clock clock) {
		this.messages = messages;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** Stores a message whose form was validated. */
	@Transactional
	public ContactMessage receive(ContactForm form, Locale language) {
		ContactMessage message = this.messages.save(new ContactMessage(Objects.requireNonNull(form.getName()).strip(),
				Objects.requireNonNull(form.getEmail()).strip(), language, Objects.requireNonNull(form.getTopic()),
				form.normalizedReference(), Objects.requireNonNull(form.getMessage()).strip(), this.clock.instant()));
		this.outbox.queue(message.senderEmail(), language, "contact-received", Map.of());
		return message;
	}

}
