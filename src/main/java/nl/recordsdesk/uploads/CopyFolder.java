package nl.recordsdesk.uploads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where copies too large for the database are kept
 * ({@code recordsdesk.uploads.copies-folder}): a folder on a volume every instance mounts
 * at the same path (an NFS or SMB share, as a hospital's IT keeps its other large files),
 * so that the instance that made a copy and the one that serves it need not be the same.
 * A copy is written there as it is made, under a name of its own, and kept under its
 * final name once complete; its {@link StoredFile} row holds the path.
 */
@Component
public class CopyFolder {

	private static final Logger log = LoggerFactory.getLogger(CopyFolder.class);

	private final @Nullable Path folder;

	CopyFolder(@Value("${recordsdesk.uploads.copies-folder:}") String folder) {
		if (folder.isBlank()) {
			this.folder = null;
			return;
		}
		this.folder = Path.of(folder).toAbsolutePath().normalize();
		try {
			Files.createDirectories(this.folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("recordsdesk.uploads.copies-folder cannot be made: " + this.folder, ex);
		}
		if (!Files.isWritable(this.folder)) {
			throw new IllegalStateException("recordsdesk.uploads.copies-folder is not writable: " + this.folder);
		}
		log.info("Large copies are kept in {}", this.folder);
	}

	/** Whether a folder is set; without one no large copy can be kept. */
	public boolean configured() {
		return this.folder != null;
	}

	/** A new, empty file in the folder to write a copy into (not yet kept). */
	public Path newFile() {
		try {
			return Files.createFile(folder().resolve(UUID.randomUUID() + ".part"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The written file, complete, kept under its final name: the row to save for it.
	 * @param written a file from {@link #newFile()}
	 * @param extension its final name's extension ({@code zip})
	 */
	public StoredFile keep(Path written, String extension, String contentType, String sha256, Instant now) {
		try {
			long size = Files.size(written);
			Path kept = written.resolveSibling(UUID.randomUUID() + "." + extension);
			Files.move(written, kept, StandardCopyOption.ATOMIC_MOVE);
			// Nothing scanned it: it was made from the hospital's own archive, not sent
			// in.
			return StoredFile.inFolder(kept.toString(), contentType, size, sha256, ScanStatus.NOT_CONFIGURED.name(),
					now);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Removes a file written or kept here (a copy not used after all). */
	public void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("A copy in the copies folder could not be removed: {}", file.getFileName());
		}
	}

	private Path folder() {
		if (this.folder == null) {
			throw new IllegalStateException("No recordsdesk.uploads.copies-folder set");
		}
		return this.folder;
	}

}
