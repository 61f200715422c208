package nl.recordsdesk.uploads;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The stored files as the scan job sees them: those waiting for a scan, and their new
 * status. Which files a request uses is the requests module's business
 * ({@code nl.recordsdesk.requests.StoredFiles}).
 */
interface StoredFileScans extends Repository<StoredFile, UUID> {

	java.util.Optional<StoredFile> findById(UUID id);

	/** Files kept "pending scan" because clamd gave no answer, oldest first. */
	@Query(value = "select f.id from stored_file f where f.scan_status = 'PENDING' order by f.created_at limit :limit",
			nativeQuery = true)
	List<UUID> findPendingScan(int limit);

	@Modifying
	@Query(value = "update stored_file set scan_status = :status where id = :id", nativeQuery = true)
	int updateScanStatus(UUID id, String status);

}
