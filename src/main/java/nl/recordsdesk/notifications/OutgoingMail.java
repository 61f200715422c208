package nl.recordsdesk.notifications;

import java.util.List;
import java.util.UUID;

/**
 * A message as the outbox stores it, ready for a {@link MailTransport}. Its
 * {@code toString} names only the id: the rest is personal data and stays out of logs.
 */
record OutgoingMail(UUID id, String to, String subject, String text, String html, List<MailAttachment> attachments) {

	OutgoingMail(UUID id, String to, String subject, String text, String html) {
		this(id, to, subject, text, html, List.of());
	}

	@Override
	public String toString() {
		return "OutgoingMail[" + this.id + "]";
	}

}
