package nl.recordsdesk.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import nl.recordsdesk.accounts.StaffDirectory;
import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.audit.AuditLog;
import nl.recordsdesk.letters.LetterKind;
import nl.recordsdesk.letters.Letters;
import nl.recordsdesk.requests.Delivery;
import nl.recordsdesk.requests.QueueLine;
import nl.recordsdesk.requests.RelatedRequests;
import nl.recordsdesk.requests.Request;
import nl.recordsdesk.requests.RequestQueue;
import nl.recordsdesk.requests.RequestStatus;
import nl.recordsdesk.requests.Requests;
import nl.recordsdesk.requests.StaffReads;
import nl.recordsdesk.requests.StaffRequestView;
import nl.recordsdesk.requests.StoredFiles;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the desk reads on its own pages: the queue with its filters, the queue as a
 * download, one request with what its page shows beside it. The figures are
 * {@link DeskFigures}'; a document is read through {@link StaffReads}, as the physicians
 * read it. Every read of personal data is audited in the read's own transaction, on its
 * connection (so these transactions are read-write), and the record is written before the
 * data is returned.
 */
@Service
@Transactional
public class DeskQueries {

	static final int PAGE_SIZE = 25;

	/** What the desk works on; waiting for co-signatures is not yet its turn. */
	static final Set<RequestStatus> QUEUE = EnumSet.of(RequestStatus.SUBMITTED, RequestStatus.IN_REVIEW,
			RequestStatus.AWAITING_REQUESTER, RequestStatus.PHYSICIAN_REVIEW, RequestStatus.APPROVED,
			RequestStatus.IN_PREPARATION, RequestStatus.READY);

	private final Requests requests;

	private final StoredFiles files;

	private final AuditLog audit;

	private final Clock clock;

	private final Letters letters;

	private final RequestQueue queue;

	private final StaffReads reads;

	private final RelatedRequests related;

	private final StaffDirectory staff;

	DeskQueries(Requests requests, RequestQueue queue, StaffReads reads, StoredFiles files, AuditLog audit, Clock clock,
			Letters letters, RelatedRequests related, StaffDirectory staff) {
		this.related = related;
		this.staff = staff;
		this.queue = queue;
		this.reads = reads;
		this.letters = letters;
		this.requests = requests;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * One page of the queue: its lines and how many requests match, counted up to
	 * {@link RequestQueue#COUNT_LIMIT}.
	 *
	 * @param number the page, from 0
	 */
	public record QueuePage(List<QueueLine> content, int number, long matching, boolean moreThanCounted,
			boolean hasNext, Map<String, String> names) implements Iterable<QueueLine> {

		public boolean isEmpty() {
			return this.content.isEmpty();
		}

		public boolean hasPrevious() {
			return this.number > 0;
		}

		/**
		 * The pages counted: all of them, or (when more match) those the count reached.
		 */
		public long totalPages() {
			return Math.max(1, (Math.min(this.matching, RequestQueue.COUNT_LIMIT) + PAGE_SIZE - 1) / PAGE_SIZE);
		}

		@Override
		public Iterator<QueueLine> iterator() {
			return this.content.iterator();
		}

	}

	/**
	 * Audited as a view of the requests on the page ({@link StaffReads#queue}); with the
	 * handlers' display names, read on the same connection in one statement.
	 */
	public QueuePage queue(QueueFilter filter, String staff) {
		LocalDate today = today();
		StaffReads.QueueRead read = this.reads.queue(criteria(filter, staff, today), filter.pageNumber(), PAGE_SIZE,
				today);
		RequestQueue.Slice slice = read.slice();
		return new QueuePage(read.lines(), filter.pageNumber(), slice.matching(), slice.moreThanCounted(),
				slice.hasNext() && filter.pageNumber() < QueueFilter.LAST_PAGE,
				this.staff.namesOfHandlers(read.lines().stream().map((line) -> line.row().assignedTo())));
	}

	/** The queue's conditions for these filters; the page and the export share them. */
	private RequestQueue.Criteria criteria(QueueFilter filter, String staff, LocalDate today) {
		LocalDate soon = QueueLine.soonUntil(today);
		Set<RequestStatus> statuses = (filter.status() != null) ? EnumSet.of(filter.status())
				: filter.everyStatus() ? EnumSet.allOf(RequestStatus.class) : QUEUE;
		QueueFilter.Assignment assignment = (filter.assignment() != null) ? filter.assignment()
				: QueueFilter.Assignment.ANYONE;
		QueueFilter.Due due = (filter.due() != null) ? filter.due() : QueueFilter.Due.ANY;
		String search = (filter.search() == null) ? "" : filter.search().strip();
		return new RequestQueue.Criteria(statuses, filter.type(),
				(assignment == QueueFilter.Assignment.MINE) ? staff : null,
				assignment == QueueFilter.Assignment.UNASSIGNED, (due == QueueFilter.Due.SOON) ? today : null,
				switch (due) {
					case OVERDUE -> today.minusDays(1);
					case SOON -> soon;
					case ANY -> null;
				}, search);
	}

	// Running the desk (issue 15, item 5): the queue as CSV.

	/** The most lines one export of the queue holds; the queue page says so. */
	public static final int EXPORT_LIMIT = 10_000;

	/**
	 * The queue's lines for a download.
	 *
	 * @param truncated whether more requests matched than {@link #EXPORT_LIMIT}
	 */
	public record Export(List<QueueLine> lines, boolean truncated) {
	}

	/**
	 * Every line the queue shows for these filters (in its order, on all its pages), at
	 * most {@link #EXPORT_LIMIT}; the page number is ignored. Audited as one export
	 * naming the kinds of filter used, not what was typed in the search.
	 */
	public Export export(QueueFilter filter, String staff) {
		LocalDate today = today();
		RequestQueue.Slice slice = this.queue.page(criteria(filter, staff, today), 0, EXPORT_LIMIT);
		this.audit.read(AuditAction.QUEUE_EXPORTED, null,
				filterKinds(filter) + Objects.toString(StaffReads.shown("; exported", slice.rows()), ""));
		return new Export(QueueLine.of(slice.rows(), today), slice.hasNext());
	}

	/** For the audit record: which filters were set, by kind only. */
	static String filterKinds(QueueFilter filter) {
		List<String> kinds = new ArrayList<>();
		if (filter.status() != null) {
			kinds.add("status");
		}
		if (filter.type() != null) {
			kinds.add("type");
		}
		if (filter.assignment() != null && filter.assignment() != QueueFilter.Assignment.ANYONE) {
			kinds.add("assignment");
		}
		if (filter.due() != null && filter.due() != QueueFilter.Due.ANY) {
			kinds.add("due");
		}
		if (filter.search() != null && !filter.search().isBlank()) {
			kinds.add("search");
		}
		return kinds.isEmpty() ? "filters: none" : "filters: " + String.join(", ", kinds);
	}

	/**
	 * A request as the desk's page shows it, with the letters that can be printed for it.
	 */
	public record RequestPage(StaffRequestView request, List<LetterKind> letters, List<RelatedRequests.Related> related,
			@Nullable DownloadLink download) {
	}

	/**
	 * The requester's download of a copy put up for it: until when it works, and whether
	 * it has expired or expires within {@link #EXPIRES_SOON}.
	 */
	public record DownloadLink(Instant expiresAt, boolean expired, boolean expiresSoon) {

		static @Nullable DownloadLink of(Request request, Instant now) {
			Instant expiresAt = request.downloadExpiresAt();
			if (request.delivery() != Delivery.SECURE_DOWNLOAD || expiresAt == null) {
				return null;
			}
			boolean expired = !now.isBefore(expiresAt);
			return new DownloadLink(expiresAt, expired, !expired && now.plus(EXPIRES_SOON).isAfter(expiresAt));
		}

	}

	/** A download link that expires within this is shown with a warning. */
	static final Duration EXPIRES_SOON = Duration.ofDays(2);

	/**
	 * The request and its letters from one load of the aggregate (its small collections
	 * fetched with it), and the patient's other open requests of its type (one query),
	 * audited as a view.
	 */
	public Optional<RequestPage> requestPage(String reference) {
		Optional<RequestPage> page = this.requests.findShownByReference(reference)
			.map((request) -> new RequestPage(StaffRequestView.of(request, this.files.withheldOf(request)),
					this.letters.applicableTo(request), this.related.of(reference),
					DownloadLink.of(request, this.clock.instant())));
		page.ifPresent((found) -> this.audit.read(AuditAction.REQUEST_VIEWED, reference, null));
		return page;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
