package nl.recordsdesk.letters;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.audit.AuditLog;
import nl.recordsdesk.requests.Request;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The letters as they were sent: each one's text is kept when its mail is queued, with
 * the date it bears, so the desk downloads what the requester received, also a refusal
 * that a later decision superseded. Laid out as a PDF on download, with no connection
 * held, from the same text the mail's PDF was laid out from.
 */
@Service
public class SentLetters {

	private final JdbcClient jdbc;

	private final LetterRenderer renderer;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	SentLetters(JdbcClient jdbc, LetterRenderer renderer, AuditLog audit, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.renderer = renderer;
		this.audit = audit;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** A letter sent: which, and when; no personal data. */
	public record SentLetter(UUID id, LetterKind kind, LocalDate sentOn) {
	}

	/**
	 * Keeps a letter being sent, in the caller's transaction (the one queueing the mail).
	 */
	void keep(Request request, LetterKind kind, String fileName, LocalDate sentOn, String xhtml) {
		this.jdbc.sql("""
				INSERT INTO sent_letter (id, request_id, kind, sent_on, sent_at, file_name, xhtml)
				VALUES (:id, :request, :kind, :sentOn, :sentAt, :fileName, :xhtml)
				""")
			.param("id", UUID.randomUUID())
			.param("request", request.id())
			.param("kind", kind.name())
			.param("sentOn", sentOn)
			.param("sentAt", java.sql.Timestamp.from(this.clock.instant()))
			.param("fileName", fileName)
			.param("xhtml", xhtml)
			.update();
	}

	/** The letters sent for a request, oldest first; none for an unknown reference. */
	public List<SentLetter> of(String reference) {
		List<SentLetter> sent = this.transactions.execute((status) -> this.jdbc.sql("""
				SELECT l.id, l.kind, l.sent_on FROM sent_letter l JOIN request r ON r.id = l.request_id
				WHERE r.reference = :reference ORDER BY l.sent_at, l.id
				""")
			.param("reference", reference)
			.query((row, number) -> new SentLetter(row.getObject("id", UUID.class),
					LetterKind.valueOf(row.getString("kind")), row.getObject("sent_on", LocalDate.class)))
			.list());
		return (sent != null) ? sent : List.of();
	}

	/**
	 * A sent letter of the request as its PDF, the download recorded; empty when the
	 * request has no such letter. The text is read and the download recorded in one short
	 * transaction; the PDF is laid out after it.
	 */
	Optional<Letters.Letter> download(String reference, UUID id) {
		Optional<Stored> stored = this.transactions.execute((status) -> {
			Optional<Stored> found = this.jdbc.sql("""
					SELECT l.kind, l.sent_on, l.file_name, l.xhtml FROM sent_letter l
					JOIN request r ON r.id = l.request_id WHERE r.reference = :reference AND l.id = :id
					""")
				.param("reference", reference)
				.param("id", id)
				.query((row, number) -> new Stored(LetterKind.valueOf(row.getString("kind")),
						row.getObject("sent_on", LocalDate.class), row.getString("file_name"), row.getString("xhtml")))
				.optional();
			found.ifPresent((letter) -> this.audit.read(AuditAction.DOCUMENT_DOWNLOADED, reference, "sent-letter:" + id,
					letter.kind().slug() + " sent " + letter.sentOn()));
			return found;
		});
		return (stored == null) ? Optional.empty()
				: stored.map((letter) -> new Letters.Letter(datedName(letter), this.renderer.pdf(letter.xhtml())));
	}

	/** The stored name with the date it was sent: two refusals are two files. */
	private static String datedName(Stored letter) {
		String name = letter.fileName().endsWith(".pdf")
				? letter.fileName().substring(0, letter.fileName().length() - 4) : letter.fileName();
		return name + "-" + letter.sentOn() + ".pdf";
	}

	private record Stored(LetterKind kind, LocalDate sentOn, String fileName, String xhtml) {
	}

}
