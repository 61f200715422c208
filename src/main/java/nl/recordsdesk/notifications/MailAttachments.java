package nl.recordsdesk.notifications;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What another module attaches to the mail of a template, for example the letters module
 * its PDF letter. Every bean of this type is asked when a message is queued, inside the
 * caller's transaction, so it sees the change that causes the message; what it returns is
 * stored with the message and sent with it, even if the data changes later.
 * <p>
 * An attachment that is slow to make (a PDF) is deferred: when the message is queued the
 * source captures what the file will show ({@link #deferredAttachmentsFor}), quickly and
 * in the caller's transaction; the outbox sender has the source make the content
 * ({@link #make}) after the commit, with no transaction held, and sends the message only
 * once every attachment of it is made.
 * <p>
 * This way the modules that queue mail need not know about attachments, and this module
 * depends on none of those that make them.
 */
public interface MailAttachments {

	/**
	 * The files to send with a message, made now.
	 * @param template the mail template's name, for example {@code request-rejected}
	 * @param locale the language the message is written in
	 * @param model the template's variables, as given to {@link Outbox#queue}
	 * @return the attachments, none when this source has nothing for the template
	 */
	default List<MailAttachment> attachmentsFor(String template, Locale locale, Map<String, Object> model) {
		return List.of();
	}

	/**
	 * The files to send with a message whose content is made later: called inside the
	 * caller's transaction, it captures what each will show and should be quick.
	 * @param template the mail template's name
	 * @param locale the language the message is written in
	 * @param model the template's variables, as given to {@link Outbox#queue}
	 * @return the attachments to make, none when this source has nothing for the template
	 */
	default List<DeferredMailAttachment> deferredAttachmentsFor(String template, Locale locale,
			Map<String, Object> model) {
		return List.of();
	}

	/**
	 * Makes the content of a deferred attachment. Called by the outbox sender without a
	 * transaction, on any instance, possibly more than once for the same attachment (the
	 * first content stored wins), so it must depend on the recipe alone.
	 * @param attachment as {@link #deferredAttachmentsFor} returned it
	 * @return the content, or {@code null} when the attachment is not this source's
	 * ({@link DeferredMailAttachment#maker()})
	 */
	default byte @Nullable [] make(DeferredMailAttachment attachment) {
		return null;
	}

	/**
	 * The makers ({@link DeferredMailAttachment#maker()}) whose attachments this source
	 * makes. An instance claims only attachments it can make: one without the source (a
	 * module test, an older instance during a rolling update) leaves them to the others
	 * instead of sending the message without its file.
	 * @return the makers' names, none when this source defers nothing
	 */
	default Set<String> makers() {
		return Set.of();
	}

}
