package nl.recordsdesk.requests.web;

import java.time.Clock;
import java.util.Optional;

import nl.recordsdesk.requests.StoredFile;
import nl.recordsdesk.requests.StoredFiles;
import nl.recordsdesk.requests.UploadedFile;
import nl.recordsdesk.uploads.InspectedUpload;
import nl.recordsdesk.uploads.RejectedUpload;
import nl.recordsdesk.uploads.UploadInspector;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * Turns one uploaded file into a stored file, or into a message on the field it came
 * from. Only inspected files are stored; a refused one leaves nothing behind.
 */
@Component
class UploadReceiver {

	private final UploadInspector inspector;

	private final StoredFiles files;

	private final Clock clock;

	UploadReceiver(UploadInspector inspector, StoredFiles files, Clock clock) {
		this.inspector = inspector;
		this.files = files;
		this.clock = clock;
	}

	/**
	 * The stored file, or empty when no file was chosen or the file was refused (then
	 * {@code errors} says why). A stored file that no request comes to use is purged with
	 * the other abandoned uploads.
	 */
	Optional<UploadedFile> receive(@Nullable MultipartFile upload, String field, Errors errors) {
		if (upload == null || upload.isEmpty() && Texts.blank(upload.getOriginalFilename())) {
			return Optional.empty();
		}
		try {
			// No connection is held here: the inspection (and its wait for a turn) can
			// take
			// seconds; the file is stored afterwards in a short transaction of its own.
			InspectedUpload inspected = this.inspector.inspect(upload, upload.getOriginalFilename());
			StoredFile file = this.files.save(new StoredFile(inspected.content(), inspected.contentType(),
					inspected.sha256Hex(), inspected.scanStatus().name(), this.clock.instant()));
			return Optional.of(new UploadedFile(file.id(), inspected.safeFileName(), file.contentType(), file.size(),
					file.sha256()));
		}
		catch (RejectedUpload ex) {
			errors.rejectValue(field, ex.messageKey(), ex.getArguments(), null);
			return Optional.empty();
		}
	}

}
