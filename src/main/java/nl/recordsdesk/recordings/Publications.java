package nl.recordsdesk.recordings;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** All requests to publish a recording. */
interface Publications extends JpaRepository<Publication, UUID> {

	Optional<Publication> findByReference(String reference);

	Optional<Publication> findByStatusTokenHash(String statusTokenHash);

	/**
	 * The requests for these departments (lower case), newest first, at most 200 (served
	 * by {@code recording_publication_department_idx}).
	 */
	@Query("select p from Publication p left join fetch p.decision where lower(p.department) in :departments"
			+ " order by p.requestedAt desc limit 200")
	List<Publication> forDepartments(Collection<String> departments);

}
