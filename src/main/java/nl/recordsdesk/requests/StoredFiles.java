package nl.recordsdesk.requests;

import java.time.Instant;
import java.util.UUID;

import nl.recordsdesk.uploads.StoredFile;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contents of uploads ({@link StoredFile}, kept and scanned by the uploads module),
 * as the requests module uses them: stored, opened, and deleted once no request uses them
 * (which only this module knows: its documents and copies refer to them).
 */
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

	/**
	 * An upload of a draft that was replaced or abandoned, unless a request uses it.
	 * @return 1 if it was deleted
	 */
	@Transactional
	@Modifying
	@Query(value = """
			delete from stored_file f
			where f.id = :id
			and not exists (select 1 from request_document d where d.file_id = f.id)
			and not exists (select 1 from request r where r.copy_file_id = f.id)""", nativeQuery = true)
	int deleteUnused(UUID id);

	/** Of these files, those with one of these scan statuses. */
	@Query(value = "select f.id from stored_file f where f.id in (:ids) and f.scan_status in (:statuses)",
			nativeQuery = true)
	java.util.Set<UUID> findByScanStatus(java.util.Collection<UUID> ids, java.util.Collection<String> statuses);

	/**
	 * The files of the request's documents that may not be opened: waiting for their
	 * virus scan, or found infected ({@link StoredFile#viewable()}).
	 */
	default java.util.Set<UUID> withheldOf(Request request) {
		java.util.Set<UUID> ids = request.documents()
			.stream()
			.map(RequestDocument::fileId)
			.filter(java.util.Objects::nonNull)
			.collect(java.util.stream.Collectors.toSet());
		return ids.isEmpty() ? java.util.Set.of() : findByScanStatus(ids, StoredFile.WITHHELD);
	}

}
