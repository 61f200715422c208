package nl.recordsdesk.desk;

import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.RequestStatus;
import org.jspecify.annotations.Nullable;

/**
 * The queue's filters, bound from the query string.
 *
 * @param status one status (open, closed or awaiting co-signatures), or all open ones
 * @param type one request type, or both
 * @param assignment whose requests
 * @param due all, overdue, or due within five working days
 * @param search a reference or part of one, part of the patient's or requester's name or
 * e-mail address, or a birth date
 * @param page the page, from 0
 * @param all with no status chosen: every status (closed and awaiting co-signatures too)
 * instead of the queue's open ones
 */
public record QueueFilter(@Nullable RequestStatus status, @Nullable RequestType type, @Nullable Assignment assignment,
		@Nullable Due due, @Nullable String search, @Nullable Integer page, @Nullable Boolean all) {

	/** The queue's own statuses when no status is chosen. */
	public QueueFilter(@Nullable RequestStatus status, @Nullable RequestType type, @Nullable Assignment assignment,
			@Nullable Due due, @Nullable String search, @Nullable Integer page) {
		this(status, type, assignment, due, search, page, null);
	}

	/** Whether every status is looked through (none chosen, "all" ticked). */
	public boolean everyStatus() {
		return this.status == null && Boolean.TRUE.equals(this.all);
	}

	/** Anyone first: it is what the queue shows when nothing is chosen. */
	public enum Assignment {

		ANYONE, MINE, UNASSIGNED

	}

	public enum Due {

		ANY, OVERDUE, SOON

	}

	static QueueFilter none() {
		return new QueueFilter(null, null, Assignment.ANYONE, Due.ANY, null, 0);
	}

	/**
	 * The deepest page: 10,000 lines in. A page is read by skipping the lines before it
	 * in the index, so a deeper one (a typed URL) would cost more than any real use of
	 * the queue; past this, narrow the filters.
	 */
	static final int LAST_PAGE = 399;

	/** From 0 to {@link #LAST_PAGE}. */
	int pageNumber() {
		return (this.page == null || this.page < 0) ? 0 : Math.min(this.page, LAST_PAGE);
	}

}
