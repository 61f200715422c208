package nl.recordsdesk.desk;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.recordsdesk.audit.AuditAction;
import nl.recordsdesk.audit.AuditLog;
import nl.recordsdesk.letters.LetterKind;
import nl.recordsdesk.letters.Letters;
import nl.recordsdesk.requests.QueueRow;
import nl.recordsdesk.requests.RelatedRequests;
import nl.recordsdesk.requests.Request;
import nl.recordsdesk.requests.RequestQueue;
import nl.recordsdesk.requests.RequestDocument;
import nl.recordsdesk.requests.RequestFigures;
import nl.recordsdesk.requests.RequestStatus;
import nl.recordsdesk.requests.Requests;
import nl.recordsdesk.requests.StoredFile;
import nl.recordsdesk.requests.StoredFiles;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the desk reads: the queue, one request, a document, the dashboard. Every read of
 * personal data is audited in the read's own transaction, on its connection (so these
 * transactions are read-write), and the record is written before the data is returned.
 */
@Service
@Transactional
public class DeskQueries {

	static final int PAGE_SIZE = 25;

	/** What the desk works on; waiting for co-signatures is not yet its turn. */
	static final Set<RequestStatus> QUEUE = EnumSet.of(RequestStatus.SUBMITTED, RequestStatus.IN_REVIEW,
			RequestStatus.AWAITING_REQUESTER, RequestStatus.PHYSICIAN_REVIEW, RequestStatus.APPROVED,
			RequestStatus.IN_PREPARATION, RequestStatus.READY);

	/** Every state a request is not closed in: the dashboard counts these. */
	static final Set<RequestStatus> OPEN = EnumSet
		.copyOf(java.util.Arrays.stream(RequestStatus.values()).filter(RequestStatus::isOpen).toList());

	private final Requests requests;

	private final StoredFiles files;

	private final AuditLog audit;

	private final Clock clock;

	private final Letters letters;

	private final RequestQueue queue;

	private final RequestFigures figures;

	private final RelatedRequests related;

	DeskQueries(Requests requests, RequestQueue queue, RequestFigures figures, StoredFiles files, AuditLog audit,
			Clock clock, Letters letters, RelatedRequests related) {
		this.related = related;
		this.queue = queue;
		this.figures = figures;
		this.letters = letters;
		this.requests = requests;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	/** A queue line with how it should stand out. */
	public record Line(QueueRow row, boolean overdue, boolean dueSoon) {
	}

	/**
	 * One page of the queue: its lines and how many requests match, counted up to
	 * {@link RequestQueue#COUNT_LIMIT}.
	 *
	 * @param number the page, from 0
	 */
	public record QueuePage(List<Line> content, int number, long matching, boolean moreThanCounted,
			boolean hasNext) implements Iterable<Line> {

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
		public Iterator<Line> iterator() {
			return this.content.iterator();
		}

	}

	public QueuePage queue(QueueFilter filter, String staff) {
		LocalDate today = today();
		RequestQueue.Slice slice = this.queue.page(criteria(filter, staff, today), filter.pageNumber(), PAGE_SIZE);
		// The list shows patients' names: looking at it is a read of personal data, of
		// the requests on screen (NEN 7513: whose data was seen), named by reference.
		this.audit.read(AuditAction.QUEUE_VIEWED, null, shown("shown", slice.rows()));
		return new QueuePage(lines(slice.rows(), today), filter.pageNumber(), slice.matching(), slice.moreThanCounted(),
				slice.hasNext() && filter.pageNumber() < QueueFilter.LAST_PAGE);
	}

	/** The queue's conditions for these filters; the page and the export share them. */
	private RequestQueue.Criteria criteria(QueueFilter filter, String staff, LocalDate today) {
		LocalDate soon = WorkingDays.after(today, 5);
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

	private static List<Line> lines(List<QueueRow> rows, LocalDate today) {
		LocalDate soon = WorkingDays.after(today, 5);
		return rows.stream()
			.map((row) -> new Line(row, row.dueDate() != null && row.dueDate().isBefore(today),
					row.dueDate() != null && !row.dueDate().isBefore(today) && !row.dueDate().isAfter(soon)))
			.toList();
	}

	// Running the desk (issue 15, item 5): the queue as CSV, the figures per month and
	// per clerk, the requests for the daily mail.

	/** The most lines one export of the queue holds; the queue page says so. */
	public static final int EXPORT_LIMIT = 10_000;

	/**
	 * The queue's lines for a download.
	 *
	 * @param truncated whether more requests matched than {@link #EXPORT_LIMIT}
	 */
	public record Export(List<Line> lines, boolean truncated) {
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
				filterKinds(filter) + Objects.toString(shown("; exported", slice.rows()), ""));
		return new Export(lines(slice.rows(), today), slice.hasNext());
	}

	/** For the audit record: the references of the requests a page or file held. */
	private static @Nullable String shown(String label, List<QueueRow> rows) {
		return rows.isEmpty() ? null
				: label + ": " + rows.stream().map(QueueRow::reference).collect(Collectors.joining(", "));
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

	/** The months the dashboard and the monthly report show, this one included. */
	static final int MONTHS = 6;

	/** The monthly figures from {@code first} to {@code last}, oldest first. */
	@Transactional(readOnly = true)
	public List<RequestFigures.Month> months(YearMonth first, YearMonth last) {
		return this.figures.months(first, last, this.clock.getZone());
	}

	/** The last {@link #MONTHS} months, this one included. */
	@Transactional(readOnly = true)
	public List<RequestFigures.Month> recentMonths() {
		YearMonth now = YearMonth.now(this.clock);
		return months(now.minusMonths(MONTHS - 1), now);
	}

	/**
	 * The open requests of the desk's queue that are overdue or due within five working
	 * days, most urgent first (at most {@code limit}): for the daily mail, which names
	 * references and due dates only.
	 */
	@Transactional(readOnly = true)
	public DueSoon dueSoon(int limit) {
		LocalDate today = today();
		LocalDate soon = WorkingDays.after(today, 5);
		RequestQueue.Slice slice = this.queue.page(new RequestQueue.Criteria(QUEUE, null, null, false, null, soon, ""),
				0, limit);
		List<Line> lines = lines(slice.rows(), today);
		return new DueSoon(today, soon, lines.stream().filter(Line::overdue).toList(),
				lines.stream().filter((line) -> !line.overdue()).toList(), slice.hasNext());
	}

	/**
	 * @param overdue due before {@code today}
	 * @param due due from {@code today} to {@code until}
	 * @param more whether more requests are due than listed
	 */
	public record DueSoon(LocalDate today, LocalDate until, List<Line> overdue, List<Line> due, boolean more) {

		public boolean isEmpty() {
			return this.overdue.isEmpty() && this.due.isEmpty();
		}

	}

	public Optional<DeskRequestView> request(String reference) {
		return requestPage(reference).map(RequestPage::request);
	}

	/**
	 * A request as the desk's page shows it, with the letters that can be printed for it.
	 */
	public record RequestPage(DeskRequestView request, List<LetterKind> letters, List<RelatedRequests.Related> related,
			@Nullable DownloadLink download) {
	}

	/**
	 * The requester's download of a copy put up for it: until when it works, and whether
	 * it has expired or expires within {@link #EXPIRES_SOON}.
	 */
	public record DownloadLink(Instant expiresAt, boolean expired, boolean expiresSoon) {

		static @Nullable DownloadLink of(Request request, Instant now) {
			Instant expiresAt = request.downloadExpiresAt();
			if (request.delivery() != nl.recordsdesk.requests.Delivery.SECURE_DOWNLOAD || expiresAt == null) {
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
			.map((request) -> new RequestPage(DeskRequestView.of(request, this.files.withheldOf(request)),
					this.letters.applicableTo(request), this.related.of(reference),
					DownloadLink.of(request, this.clock.instant())));
		page.ifPresent((found) -> this.audit.read(AuditAction.REQUEST_VIEWED, reference, null));
		return page;
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

	/** A document's content, as served to a staff member. */
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

	/** The dashboard's numbers. */
	public record Dashboard(Map<RequestStatus, Long> openByStatus, long overdue, List<Week> weeks,
			@Nullable Duration medianLeadTime, List<RequestFigures.Month> months,
			List<RequestFigures.Assignee> openPerClerk) {

		/** The highest bar of the chart, at least 1. */
		public long scale() {
			return Math.max(1,
					this.weeks.stream().mapToLong((w) -> Math.max(w.received(), w.closed())).max().orElse(1));
		}

	}

	/** Received and closed in one week (starting Monday). */
	public record Week(LocalDate monday, long received, long closed) {
	}

	@Transactional(readOnly = true)
	public Dashboard dashboard(int weeks) {
		LocalDate today = today();
		Map<RequestStatus, Long> open = new EnumMap<>(RequestStatus.class);
		for (Object[] row : this.requests.countByStatus(OPEN)) {
			open.put((RequestStatus) row[0], (Long) row[1]);
		}
		LocalDate firstMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks - 1);
		Instant since = firstMonday.atStartOfDay(this.clock.getZone()).toInstant();
		List<Week> perWeek = new ArrayList<>();
		for (int i = 0; i < weeks; i++) {
			perWeek.add(new Week(firstMonday.plusWeeks(i), 0, 0));
		}
		List<Duration> leadTimes = new ArrayList<>();
		for (Object[] row : this.requests.timesSince(since)) {
			Instant submitted = (Instant) row[0];
			Instant closed = (Instant) row[1];
			count(perWeek, submitted, firstMonday, true);
			count(perWeek, closed, firstMonday, false);
			if (submitted != null && closed != null
					&& (row[2] == RequestStatus.DELIVERED || row[2] == RequestStatus.COMPLETED)) {
				leadTimes.add(Duration.between(submitted, closed));
			}
		}
		return new Dashboard(open, this.requests.countOverdue(QUEUE, today), perWeek, median(leadTimes), recentMonths(),
				this.figures.openPerAssignee(QUEUE));
	}

	private void count(List<Week> weeks, @Nullable Instant at, LocalDate firstMonday, boolean received) {
		if (at == null) {
			return;
		}
		LocalDate day = LocalDate.ofInstant(at, this.clock.getZone());
		int index = (int) java.time.temporal.ChronoUnit.WEEKS.between(firstMonday, day);
		if (index < 0 || index >= weeks.size()) {
			return;
		}
		Week week = weeks.get(index);
		weeks.set(index, received ? new Week(week.monday(), week.received() + 1, week.closed())
				: new Week(week.monday(), week.received(), week.closed() + 1));
	}

	static @Nullable Duration median(List<Duration> durations) {
		if (durations.isEmpty()) {
			return null;
		}
		List<Duration> sorted = durations.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle)
				: sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
