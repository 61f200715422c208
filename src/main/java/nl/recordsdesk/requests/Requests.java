package nl.recordsdesk.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

	/** The requests filed with a sign-in of this BSN (its keyed hash), newest first. */
	@Query("select r from Request r where r.signIn.bsnKey = :bsnKey order by r.filedAt desc")
	List<Request> findBySignInBsnKey(String bsnKey, org.springframework.data.domain.Pageable page);

	/**
	 * Takes the transaction-long lock on a form's submission key, without waiting: false
	 * when another transaction is filing the same form right now.
	 */
	@Query(value = "select pg_try_advisory_xact_lock(:key)", nativeQuery = true)
	boolean tryLockSubmission(long key);

	@Query("select r from Request r where r.statusTokenHash = :tokenHash")
	Optional<Request> findByStatusTokenHash(String tokenHash);

	/**
	 * The request of a status link, locked for this transaction ({@code FOR UPDATE}): two
	 * downloads at once take turns, so only the first is the delivery.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Request r where r.statusTokenHash = :tokenHash")
	Optional<Request> findByStatusTokenHashForUpdate(String tokenHash);

	@Query("select r from Request r join r.coSignatures.invitations i where i.tokenHash = :tokenHash")
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
	 * How many requests are in each of these states (the dashboard's open ones), from
	 * {@code request_status_due_date_idx}: as many rows read as there are open requests,
	 * however many closed ones there are.
	 */
	@Query("select r.status, count(r) from Request r where r.status in :statuses group by r.status")
	List<Object[]> countByStatus(Collection<RequestStatus> statuses);

	/** Served by {@code request_status_due_date_idx} (status, then a due-date range). */
	@Query("select count(r) from Request r where r.status in :statuses and r.deadline.dueDate < :today")
	long countOverdue(Collection<RequestStatus> statuses, LocalDate today);

	/**
	 * When each request since a moment came in, was completed and was closed: for the
	 * dashboard. Served by {@code request_filed_at_idx} and {@code request_closed_at_idx}
	 * (one bitmap of each): only the rows of the weeks shown are read.
	 */
	@Query("select r.submittedAt, r.closure.closedAt, r.status from Request r where r.filedAt >= :since or r.closure.closedAt >= :since")
	List<Object[]> timesSince(Instant since);

}
