package nl.recordsdesk.recordings;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** All announcements of a recording. */
interface Announcements extends JpaRepository<Announcement, UUID> {

	Optional<Announcement> findByReference(String reference);

	Optional<Announcement> findByStatusTokenHash(String statusTokenHash);

	/**
	 * The announcements for these departments (lower case): not yet acknowledged first,
	 * then by consultation date, at most 200 (served by
	 * {@code recording_announcement_department_idx}).
	 */
	@Query("select a from Announcement a where lower(a.department) in :departments"
			+ " order by case when a.acknowledgedAt is null then 0 else 1 end, a.consultationDate desc limit 200")
	List<Announcement> forDepartments(Collection<String> departments);

	/** The next number of a reference, shared by announcements and both consents. */
	@Query(value = "select nextval('recording_number_seq')", nativeQuery = true)
	long nextNumber();

}
