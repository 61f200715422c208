package nl.recordsdesk.notifications;

/**
 * Delivers one message: to the SMTP server in production, to the development mailbox in
 * the {@code dev} profile without one. Throws when the message was not delivered, so the
 * sender tries again later.
 */
@FunctionalInterface
interface MailTransport {

	void send(OutgoingMail mail);

}
