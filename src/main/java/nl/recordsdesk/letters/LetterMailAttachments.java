package nl.recordsdesk.letters;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.recordsdesk.notifications.DeferredMailAttachment;
import nl.recordsdesk.notifications.MailAttachments;
import nl.recordsdesk.requests.Request;
import nl.recordsdesk.requests.Requests;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Attaches the letter that goes with a mail to the requester: the acknowledgement to the
 * mail that the request is complete, the missing-items letter to the desk's question, and
 * so on. The letter's text is written when the mail is queued, in the transaction of the
 * change, so the letter says what the mail says; it is laid out as a PDF later, by the
 * outbox sender with no transaction held ({@link #make}). The letter's text is also kept
 * as sent ({@link SentLetters}). A mail of another template gets nothing.
 */
@Component
class LetterMailAttachments implements MailAttachments {

	/** The name the outbox stores with the letters it is to have made. */
	static final String MAKER = "letters";

	private static final Logger log = LoggerFactory.getLogger(LetterMailAttachments.class);

	/** Which letter goes with which mail template. */
	static final Map<String, LetterKind> LETTER_OF_MAIL = Map.of("request-received", LetterKind.ACKNOWLEDGEMENT,
			"request-complete", LetterKind.ACKNOWLEDGEMENT, "desk-question", LetterKind.MISSING_ITEMS,
			"deadline-extended", LetterKind.EXTENSION, "request-rejected", LetterKind.REFUSAL, "review-refused",
			LetterKind.REFUSAL, "destruction-refused", LetterKind.REFUSAL, "request-ready", LetterKind.APPROVAL);

	private final Requests requests;

	private final LetterRenderer renderer;

	private final Clock clock;

	private final SentLetters sent;

	LetterMailAttachments(Requests requests, LetterRenderer renderer, Clock clock, SentLetters sent) {
		this.requests = requests;
		this.renderer = renderer;
		this.clock = clock;
		this.sent = sent;
	}

	/**
	 * In the caller's transaction: the letter as XHTML, from the request as the change
	 * left it (and dated today). Writing the text takes milliseconds; the layout, which
	 * takes a tenth of a second or, under load, much longer, is left to {@link #make}.
	 */
	@Override
	public List<DeferredMailAttachment> deferredAttachmentsFor(String template, Locale locale,
			Map<String, Object> model) {
		LetterKind kind = LETTER_OF_MAIL.get(template);
		if (kind == null || !(model.get("reference") instanceof String reference)) {
			return List.of();
		}
		// A request still waiting for co-signatures has no acknowledgement yet.
		Optional<Request> request = this.requests.findByReference(reference)
			.filter((candidate) -> Letters.applicable(candidate).contains(kind));
		if (request.isEmpty()) {
			return List.of();
		}
		LetterFacts facts;
		String html;
		LocalDate sentOn = LocalDate.now(this.clock);
		try {
			facts = LetterFacts.of(request.get(), this.clock.getZone());
			html = this.renderer.html(kind, facts, sentOn);
		}
		catch (RuntimeException ex) {
			// The mail says what the letter says; a letter that cannot be written must
			// not
			// undo the desk's action. Caught here, outside any transactional proxy, so
			// the caller's transaction is not marked for rollback.
			log.error("Letter {} for request {} could not be written; mail {} goes without it", kind, reference,
					template, ex);
			return List.of();
		}
		// Kept as sent, in the same transaction: the desk downloads what the requester
		// got.
		String fileName = this.renderer.fileName(kind, facts);
		this.sent.keep(request.get(), kind, fileName, sentOn, html);
		return List.of(new DeferredMailAttachment(fileName, "application/pdf", MAKER, html));
	}

	/** The PDF of a letter queued above: called without a transaction. */
	@Override
	public Set<String> makers() {
		return Set.of(MAKER);
	}

	@Override
	public byte @Nullable [] make(DeferredMailAttachment attachment) {
		return MAKER.equals(attachment.maker()) ? this.renderer.pdf(attachment.recipe()) : null;
	}

}
