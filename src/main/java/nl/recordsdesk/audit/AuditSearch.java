package nl.recordsdesk.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The auditor's search. Searching is itself recorded, before anything is shown: the audit
 * trail is personal data too, of patients and of staff.
 */
@Service
class AuditSearch {

	static final int PAGE_SIZE = 50;

	private final AuditRecords records;

	private final AuditLog auditLog;

	AuditSearch(AuditRecords records, AuditLog auditLog) {
		this.records = records;
		this.auditLog = auditLog;
	}

	/**
	 * One page of the records that match, newest first.
	 * @param query the criteria
	 * @param page the page, from 1
	 * @param upTo the newest record of the search's first page, to keep later pages where
	 * they were; none on a new search
	 */
	// Read-write: the search's own record is written in this transaction.
	@Transactional
	public AuditPage search(AuditQuery query, int page, @Nullable Long upTo) {
		String criteria = query.describe();
		this.auditLog.read(AuditAction.AUDIT_SEARCHED, query.requestReference(),
				(criteria.isEmpty() ? "" : criteria + " ") + "page=" + page);
		long newest = (upTo != null) ? upTo : this.records.newestId();
		List<AuditRecord> found = this.records.search(query, newest, (long) (page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
		boolean hasNext = found.size() > PAGE_SIZE;
		return new AuditPage(hasNext ? found.subList(0, PAGE_SIZE) : found, page, hasNext, newest);
	}

	/**
	 * One page of records.
	 *
	 * @param records at most {@link #PAGE_SIZE}, newest first
	 * @param page which page, from 1
	 * @param hasNext whether older records follow
	 * @param upTo the newest record any page of this search shows
	 */
	record AuditPage(List<AuditRecord> records, int page, boolean hasNext, long upTo) {

	}

}
