package nl.recordsdesk.desk;

import java.nio.file.Path;
import java.time.Clock;

import nl.recordsdesk.requests.StoredFiles;
import nl.recordsdesk.requests.UploadedFile;
import nl.recordsdesk.uploads.InspectedUpload;
import nl.recordsdesk.uploads.RejectedUpload;
import nl.recordsdesk.uploads.StoredFile;
import nl.recordsdesk.uploads.UploadInspector;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The copy the desk prepared for a secure download, inspected like any upload before it
 * is kept: what the requester downloads must be a clean PDF or image too.
 */
@Component
class PreparedCopies {

	private final UploadInspector inspector;

	private final StoredFiles files;

	private final Clock clock;

	PreparedCopies(UploadInspector inspector, StoredFiles files, Clock clock) {
		this.inspector = inspector;
		this.files = files;
		this.clock = clock;
	}

	/**
	 * A copy the portal made itself, such as the access-log overview: inspected and kept
	 * like an upload.
	 * @param pdf the document
	 * @param fileName the name the requester downloads it under
	 */
	UploadedFile keep(byte[] pdf, String fileName) {
		try {
			InspectedUpload inspected = this.inspector.inspect(pdf, fileName);
			if (!inspected.scanStatus().viewable()) {
				throw new IllegalArgumentException("The prepared copy waits for its virus scan");
			}
			StoredFile file = this.files.save(new StoredFile(inspected.content(), inspected.contentType(),
					inspected.sha256Hex(), inspected.scanStatus().name(), this.clock.instant()));
			return new UploadedFile(file.id(), inspected.safeFileName(), file.contentType(), file.size(),
					file.sha256());
		}
		catch (RejectedUpload ex) {
			throw new IllegalArgumentException("The prepared copy was refused: " + ex.reason());
		}
	}

	/**
	 * A copy the portal composed in a file (from the EHR): inspected and kept like an
	 * upload, read from the file when its turn comes.
	 * @throws RejectedUpload when the inspection refuses it (too large, say)
	 * @throws IllegalArgumentException when it waits for its virus scan
	 */
	UploadedFile keep(Path file, String fileName) throws RejectedUpload {
		InspectedUpload inspected = this.inspector.inspect(new FileSystemResource(file), fileName);
		if (!inspected.scanStatus().viewable()) {
			throw new IllegalArgumentException("The prepared copy waits for its virus scan");
		}
		StoredFile stored = this.files.save(new StoredFile(inspected.content(), inspected.contentType(),
				inspected.sha256Hex(), inspected.scanStatus().name(), this.clock.instant()));
		return new UploadedFile(stored.id(), inspected.safeFileName(), stored.contentType(), stored.size(),
				stored.sha256());
	}

	/**
	 * The stored copy; null when none was chosen.
	 * @throws RejectedUpload when the file may not be kept (told beside the form's field)
	 * @throws IllegalArgumentException when it waits for its virus scan (the action's
	 * notice: try again later)
	 */
	@Nullable UploadedFile receive(@Nullable MultipartFile copy) throws RejectedUpload {
		if (copy == null || copy.isEmpty()) {
			return null;
		}
		InspectedUpload inspected = this.inspector.inspect(copy, copy.getOriginalFilename());
		if (!inspected.scanStatus().viewable()) {
			// A copy the requester cannot open yet is not put up: the desk tries again.
			throw new IllegalArgumentException("The prepared copy waits for its virus scan");
		}
		StoredFile file = this.files.save(new StoredFile(inspected.content(), inspected.contentType(),
				inspected.sha256Hex(), inspected.scanStatus().name(), this.clock.instant()));
		return new UploadedFile(file.id(), inspected.safeFileName(), file.contentType(), file.size(), file.sha256());
	}

}
