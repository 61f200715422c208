package nl.recordsdesk.requests;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** All requests. */
public interface Requests extends JpaRepository<Request, UUID> {

	Optional<Request> findByReference(String reference);

	Optional<Request> findBySubmissionKey(UUID submissionKey);

	@Query("select r from Request r where r.statusTokenHash = :tokenHash")
	Optional<Request> findByStatusTokenHash(String tokenHash);

	@Query("select r from Request r join r.invitations i where i.tokenHash = :tokenHash")
	Optional<Request> findByInvitationTokenHash(String tokenHash);

	@Query(value = "select nextval('request_number_seq')", nativeQuery = true)
	long nextNumber();

}
