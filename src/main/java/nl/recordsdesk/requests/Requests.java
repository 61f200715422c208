package nl.recordsdesk.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.recordsdesk.eligibility.RequestType;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.jpa.repository.Query;

/** All requests. */
public interface Requests extends JpaRepository<Request, UUID> {

	Optional<Request> findByReference(String reference);

	/**
	 * By reference, with the small collections a page always shows (reasons, notices,
	 * imaging studies) fetched in the same statement. Only collections that are sets or
	 * indexed lists are joined, so no row is repeated in a list; the others load on first
	 * use, one statement each, however many rows they hold.
	 */
	@EntityGraph(attributePaths = { "reasons", "notices", "studies" })
	@Query("select r from Request r where r.reference = :reference")
	Optional<Request> findShownByReference(String reference);

	Optional<Request> findBySubmissionKey(UUID submissionKey);

	/**
	 * Takes the transaction-long lock on a form's submission key, without waiting: false
	 * when another transaction is filing the same form right now.
	 */
	@Query(value = "select pg_try_advisory_xact_lock(:key)", nativeQuery = true)
	boolean tryLockSubmission(long key);

	@Query("select r from Request r where r.statusTokenHash = :tokenHash")
	Optional<Request> findByStatusTokenHash(String tokenHash);

	@Query("select r from Request r join r.invitations i where i.tokenHash = :tokenHash")
	Optional<Request> findByInvitationTokenHash(String tokenHash);

	/**
	 * The requests waiting for someone outside the hospital (served by
	 * {@code request_waiting_idx}).
	 */
	@Query("select r.id from Request r where r.status in (nl.recordsdesk.requests.RequestStatus.AWAITING_SIGNATURES, nl.recordsdesk.requests.RequestStatus.AWAITING_REQUESTER)")
	List<UUID> waitingIds();

	/**
	 * One request, locked for this transaction; skipped (empty) when another instance
	 * holds it, so a daily check running everywhere handles each request once.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
	@Query("select r from Request r where r.id = :id")
	Optional<Request> lockIfFree(UUID id);

	/**
	 * One request, locked for this transaction ({@code FOR UPDATE}): whoever acts on a
	 * request next waits until the one acting now has committed or rolled back, and then
	 * reads the request as that one left it. The lock is PostgreSQL's, so it holds across
	 * instances.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Request r where r.reference = :reference")
	Optional<Request> findByReferenceForUpdate(String reference);

	@Query(value = "select nextval('request_number_seq')", nativeQuery = true)
	long nextNumber();

	/**
	 * The desk's queue: open requests by due date, narrowed by the filters that are given
	 * (null, or an empty text, means any: an empty text rather than null, because
	 * PostgreSQL cannot type a null text parameter). Served by
	 * {@code request_status_due_date_idx}.
	 */
	@Query(value = """
			select new nl.recordsdesk.requests.QueueRow(r.reference, r.status, r.type, r.outcome, r.deadline.dueDate,
			    r.patient.name, r.assignment.handler, r.filedAt, r.scope.departments)
			from Request r
			where r.status in :statuses
			and (:type is null or r.type = :type)
			and (:assignedTo = '' or r.assignment.handler = :assignedTo)
			and (:unassigned = false or r.assignment.handler is null)
			and (cast(:dueBefore as date) is null or r.deadline.dueDate <= :dueBefore)
			and (cast(:dueFrom as date) is null or r.deadline.dueDate >= :dueFrom)
			and (:search = '' or r.reference = upper(:search) or lower(r.patient.name) like lower(concat('%', :search, '%')))
			order by r.deadline.dueDate asc nulls last, r.filedAt asc""",
			countQuery = """
					select count(r) from Request r
					where r.status in :statuses
					and (:type is null or r.type = :type)
					and (:assignedTo = '' or r.assignment.handler = :assignedTo)
					and (:unassigned = false or r.assignment.handler is null)
					and (cast(:dueBefore as date) is null or r.deadline.dueDate <= :dueBefore)
					and (cast(:dueFrom as date) is null or r.deadline.dueDate >= :dueFrom)
					and (:search = '' or r.reference = upper(:search) or lower(r.patient.name) like lower(concat('%', :search, '%')))""")
	Page<QueueRow> queue(Collection<RequestStatus> statuses, @Nullable RequestType type, String assignedTo,
			boolean unassigned, @Nullable LocalDate dueFrom, @Nullable LocalDate dueBefore, String search,
			Pageable pageable);

	@Query("select r.status, count(r) from Request r group by r.status")
	List<Object[]> countByStatus();

	@Query("select count(r) from Request r where r.status in :statuses and r.deadline.dueDate < :today")
	long countOverdue(Collection<RequestStatus> statuses, LocalDate today);

	/**
	 * When each request since a moment came in, was completed and was closed: for the
	 * dashboard.
	 */
	@Query("select r.submittedAt, r.closure.closedAt, r.status from Request r where r.filedAt >= :since or r.closure.closedAt >= :since")
	List<Object[]> timesSince(Instant since);

}
