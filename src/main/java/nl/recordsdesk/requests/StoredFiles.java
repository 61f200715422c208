package nl.recordsdesk.requests;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The contents of uploads. */
public interface StoredFiles extends JpaRepository<StoredFile, UUID> {

	/**
	 * Uploads of forms that were never filed: older than the cut-off and used by no
	 * request.
	 */
	@Modifying
	@Query(value = """
			delete from stored_file f
			where f.created_at < :cutOff
			and not exists (select 1 from request_document d where d.file_id = f.id)
			and not exists (select 1 from request r where r.copy_file_id = f.id)""", nativeQuery = true)
	int deleteAbandonedBefore(Instant cutOff);

}
