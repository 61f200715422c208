package nl.recordsdesk.recordings;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** All requests for consent to record. */
interface ConsentRequests extends JpaRepository<ConsentRequest, UUID> {

	Optional<ConsentRequest> findByReference(String reference);

	Optional<ConsentRequest> findByTokenHash(String tokenHash);

	/**
	 * What this physician asked, newest first, at most 200 (served by
	 * {@code recording_consent_physician_idx}).
	 */
	@Query("select c from ConsentRequest c where c.physicianUsername = :username order by c.askedAt desc limit 200")
	List<ConsentRequest> askedBy(String username);

}
