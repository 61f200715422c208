package nl.recordsdesk.notifications;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Queues e-mail as part of the caller's transaction: the message is stored with the
 * change that causes it and sent after the commit by the scheduled sender, with retries.
 * A change that is rolled back sends nothing.
 * <p>
 * Templates live in {@code templates/mail/<template>.html} and {@code .txt}, with the
 * subject in the message key {@code mail.<template>.subject}; both reuse the shared mail
 * layout ({@code mail/layout.html}, {@code mail/header.txt}, {@code mail/footer.txt}).
 */
public interface Outbox {

	/**
	 * The model key whose value ({@code Object[]}) fills the placeholders of the subject.
	 */
	String SUBJECT_ARGS = "subjectArgs";

	/**
	 * Renders the template in the given language and stores the message; sent after
	 * commit by the scheduled sender. Must be called inside a transaction.
	 * @param to the recipient's address. Whoever has none (a requester of a request the
	 * desk entered from paper) is not mailed: the caller decides that, and does not call
	 * this
	 * @param locale the language to write in (Dutch, or English for {@code en})
	 * @param template the template's name under {@code templates/mail/}, for example
	 * {@code email-code}
	 * @param model the template's variables; {@link #SUBJECT_ARGS} for the subject
	 * @return the outbox id of the message
	 * @throws org.springframework.transaction.IllegalTransactionStateException when
	 * called outside a transaction
	 * @throws IllegalArgumentException when {@code to} is blank or not an e-mail address,
	 * or the template name is not a plain name
	 */
	UUID queue(String to, Locale locale, String template, Map<String, Object> model);

	/**
	 * As {@link #queue}, once for a key: a message already queued under {@code key} (by
	 * this instance or another, also one still being queued in a transaction not yet
	 * committed, which this waits for) is not queued again. For listeners that may see
	 * the same event more than once, such as a publication resubmitted by two instances;
	 * the key is derived from the event, for example its id.
	 * @param key the message's id in the outbox
	 * @return {@code true} when the message was queued now, {@code false} when it was
	 * there already (sent or not)
	 */
	boolean queueOnce(UUID key, String to, Locale locale, String template, Map<String, Object> model);

}
