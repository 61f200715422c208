package nl.recordsdesk.requests;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.audit.AuditLog;
import nl.recordsdesk.uploads.StoredFile;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the desk and the physicians both read of requests: a page of a queue, a request as
 * staff see it ({@link StaffRequestView}), a document's content. Every read of personal
 * data is audited in the read's own transaction, on its connection (so these transactions
 * are read-write), and the record is written before the data is returned.
 */
@Service
@Transactional
public class StaffReads {

	private final Requests requests;

	private final RequestQueue queue;

	private final StoredFiles files;

	private final AuditLog audit;

	StaffReads(Requests requests, RequestQueue queue, StoredFiles files, AuditLog audit) {
		this.requests = requests;
		this.queue = queue;
		this.files = files;
		this.audit = audit;
	}

	/** A page of a queue: its lines, and what the query found. */
	public record QueueRead(List<QueueLine> lines, RequestQueue.Slice slice) {
	}

	/**
	 * One page of the queue for these criteria, its lines standing out as on
	 * {@code today}. The list shows patients' names: looking at it is a read of personal
	 * data, of the requests on screen (NEN 7513: whose data was seen), named by
	 * reference.
	 */
	public QueueRead queue(RequestQueue.Criteria criteria, int page, int size, LocalDate today) {
		RequestQueue.Slice slice = this.queue.page(criteria, page, size);
		this.audit.read(AuditAction.QUEUE_VIEWED, null, shown("shown", slice.rows()));
		return new QueueRead(QueueLine.of(slice.rows(), today), slice);
	}

	/** For an audit record: the references of the requests a page or file held. */
	public static @Nullable String shown(String label, List<QueueRow> rows) {
		return rows.isEmpty() ? null
				: label + ": " + rows.stream().map(QueueRow::reference).collect(Collectors.joining(", "));
	}

	/**
	 * The request as staff see it, from one load of the aggregate (its small collections
	 * fetched with it), audited as a view.
	 */
	public Optional<StaffRequestView> request(String reference) {
		Optional<StaffRequestView> view = this.requests.findShownByReference(reference)
			.map((request) -> StaffRequestView.of(request, this.files.withheldOf(request)));
		view.ifPresent((found) -> this.audit.read(AuditAction.REQUEST_VIEWED, reference, null));
		return view;
	}

	/**
	 * A document's bytes for viewing; the view is audited whether or not the content is
	 * still kept.
	 */
	public Optional<Document> document(String reference, UUID documentId) {
		Optional<Request> request = this.requests.findByReference(reference);
		Optional<RequestDocument> document = request.flatMap(
				(r) -> r.documents().stream().filter((candidate) -> candidate.id().equals(documentId)).findFirst());
		if (document.isEmpty()) {
			return Optional.empty();
		}
		this.audit.read(AuditAction.DOCUMENT_VIEWED, reference, documentId.toString(), null);
		UUID fileId = document.get().fileId();
		// A file waiting for its virus scan (or found infected later) is not shown.
		Optional<StoredFile> file = (fileId != null) ? this.files.findById(fileId).filter(StoredFile::viewable)
				: Optional.empty();
		return file.map((stored) -> new Document(document.get().fileName(), stored.contentType(), stored.content()));
	}

	/** A document's content, as served to a member of staff. */
	public record Document(String fileName, String contentType, byte[] content) {

		/**
		 * Shown in the browser (PDF viewer or image), sandboxed, never cached; framed
		 * only by the portal's own pages (the request page previews it beside its item).
		 */
		public ResponseEntity<byte[]> inline() {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(this.contentType))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.inline().filename(this.fileName, StandardCharsets.UTF_8).build().toString())
				.header("Content-Security-Policy",
						"sandbox; default-src 'none'; img-src 'self'; object-src 'self'; frame-ancestors 'self'")
				.header("X-Frame-Options", "SAMEORIGIN")
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(this.content);
		}

	}

}
