package nl.recordsdesk.notifications;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What another module attaches to the mail of a template, for example the letters module
 * its PDF letter. Every bean of this type is asked when a message is queued, inside the
 * caller's transaction, so it sees the change that causes the message; what it returns is
 * stored with the message and sent with it, even if the data changes later.
 * <p>
 * This way the modules that queue mail need not know about attachments, and this module
 * depends on none of those that make them.
 */
public interface MailAttachments {

	/**
	 * The files to send with a message.
	 * @param template the mail template's name, for example {@code request-rejected}
	 * @param locale the language the message is written in
	 * @param model the template's variables, as given to {@link Outbox#queue}
	 * @return the attachments, none when this source has nothing for the template
	 */
	List<MailAttachment> attachmentsFor(String template, Locale locale, Map<String, Object> model);

}
