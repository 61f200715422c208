package nl.recordsdesk.notifications;

import java.util.UUID;

/**
 * A message as the outbox stores it, ready for a {@link MailTransport}. Its
 * {@code toString} names only the id: the rest is personal data and stays out of logs.
 */
record OutgoingMail(UUID id, String to, String subject, String text, String html) {

	@Override
	public String toString() {
		return "OutgoingMail[" + this.id + "]";
	}

}
