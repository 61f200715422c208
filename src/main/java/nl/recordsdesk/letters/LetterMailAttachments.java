package nl.recordsdesk.letters;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.recordsdesk.notifications.MailAttachment;
import nl.recordsdesk.notifications.MailAttachments;
import nl.recordsdesk.requests.Requests;

import org.springframework.stereotype.Component;

/**
 * Attaches the letter that goes with a mail to the requester: the acknowledgement to the
 * mail that the request is complete, the missing-items letter to the desk's question, and
 * so on. Rendered when the mail is queued, in the transaction of the change, so the
 * letter says what the mail says; a mail of another template gets nothing.
 */
@Component
class LetterMailAttachments implements MailAttachments {

	/** Which letter goes with which mail template. */
	static final Map<String, LetterKind> LETTER_OF_MAIL = Map.of("request-received", LetterKind.ACKNOWLEDGEMENT,
			"request-complete", LetterKind.ACKNOWLEDGEMENT, "desk-question", LetterKind.MISSING_ITEMS,
			"deadline-extended", LetterKind.EXTENSION, "request-rejected", LetterKind.REFUSAL, "review-refused",
			LetterKind.REFUSAL, "request-ready", LetterKind.APPROVAL);

	private final Requests requests;

	private final Letters letters;

	LetterMailAttachments(Requests requests, Letters letters) {
		this.requests = requests;
		this.letters = letters;
	}

	@Override
	public List<MailAttachment> attachmentsFor(String template, Locale locale, Map<String, Object> model) {
		LetterKind kind = LETTER_OF_MAIL.get(template);
		if (kind == null || !(model.get("reference") instanceof String reference)) {
			return List.of();
		}
		// In the caller's transaction: the request as the change left it. A request still
		// waiting for co-signatures has no acknowledgement yet.
		return this.letters.render(reference, kind)
			.map((letter) -> List.of(new MailAttachment(letter.fileName(), "application/pdf", letter.pdf())))
			.orElse(List.of());
	}

}
