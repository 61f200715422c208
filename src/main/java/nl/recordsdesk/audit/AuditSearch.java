package nl.recordsdesk.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import nl.recordsdesk.audit.AuditQuery.Patient;

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

	/** At most this many records in one export, newest first. */
	static final int EXPORT_LIMIT = 10_000;

	private final AuditRecords records;

	private final AuditLog auditLog;

	private final List<PatientLookup> patients;

	AuditSearch(AuditRecords records, AuditLog auditLog, List<PatientLookup> patients) {
		this.records = records;
		this.auditLog = auditLog;
		this.patients = patients;
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
		// Not the reference typed: a patient's name is sometimes typed in its field.
		this.auditLog.read(AuditAction.AUDIT_SEARCHED, null,
				(criteria.isEmpty() ? "" : criteria + ", ") + "page=" + page);
		long newest = (upTo != null) ? upTo : this.records.newestId();
		List<AuditRecord> found = this.records.search(query, about(query), newest, (long) (page - 1) * PAGE_SIZE,
				PAGE_SIZE + 1);
		boolean hasNext = found.size() > PAGE_SIZE;
		return new AuditPage(hasNext ? found.subList(0, PAGE_SIZE) : found, page, hasNext, newest);
	}

	/**
	 * Every record that matches, newest first, up to {@value #EXPORT_LIMIT}, for the
	 * auditor to download: recorded as an export, which is a copy leaving the portal.
	 */
	@Transactional
	public List<AuditRecord> export(AuditQuery query) {
		String criteria = query.describe();
		this.auditLog.read(AuditAction.AUDIT_EXPORTED, null, criteria.isEmpty() ? "everything" : criteria);
		return this.records.search(query, about(query), null, 0, EXPORT_LIMIT);
	}

	/** What audit records name for the query's patient; none without a patient. */
	private @Nullable Set<String> about(AuditQuery query) {
		Patient patient = query.patient();
		if (patient == null) {
			return null;
		}
		Set<String> about = new HashSet<>();
		for (PatientLookup lookup : this.patients) {
			about.addAll(lookup.recordsAbout(patient.name().strip(), patient.birthDate()));
		}
		return about;
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
