package nl.recordsdesk.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.limits.SharedLimits;
import nl.recordsdesk.requests.StoredFiles;
import nl.recordsdesk.requests.UploadedFile;
import nl.recordsdesk.uploads.InspectedUpload;
import nl.recordsdesk.uploads.RejectedUpload;
import nl.recordsdesk.uploads.StoredFile;
import nl.recordsdesk.uploads.UploadInspector;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MultipartFile;

/**
 * Turns one uploaded file into a stored file, or into a message on the field it came
 * from. Only inspected files are stored; a refused one leaves nothing behind. What one
 * client address may upload in a day ({@code recordsdesk.requests.uploads-per-address},
 * counted by every instance together, refused files included) and what one draft may hold
 * ({@code draft-upload-size}) are bounded before a file is read.
 */
@Component
@NamedInterface("forms")
public class UploadReceiver {

	/** The kind of count in {@link SharedLimits}: bytes per client address. */
	static final String PER_ADDRESS = "upload-bytes-address";

	static final Duration DAY = Duration.ofDays(1);

	private final UploadInspector inspector;

	private final StoredFiles files;

	private final RequestFormLimits limits;

	private final SharedLimits shared;

	private final Clock clock;

	UploadReceiver(UploadInspector inspector, StoredFiles files, RequestFormLimits limits, SharedLimits shared,
			Clock clock) {
		this.inspector = inspector;
		this.files = files;
		this.limits = limits;
		this.shared = shared;
		this.clock = clock;
	}

	/**
	 * A file for an item of the draft: refused (with the field's message) when the
	 * draft's other files and this one would hold more than {@code draft-upload-size};
	 * once stored, it replaces the item's earlier file, which is deleted at once.
	 */
	Optional<UploadedFile> receiveFor(RequestDraft draft, ItemCode item, @Nullable MultipartFile upload,
			Errors errors) {
		if (upload == null || upload.isEmpty() && Texts.blank(upload.getOriginalFilename())) {
			return Optional.empty();
		}
		UploadedFile previous = draft.documents.get(item);
		long others = draft.documents.entrySet()
			.stream()
			.filter((entry) -> entry.getKey() != item)
			.mapToLong((entry) -> entry.getValue().size())
			.sum();
		long otherFiles = draft.documents.keySet().stream().filter((key) -> key != item).count();
		if (others + upload.getSize() > this.limits.draftUploadSize().toBytes()
				|| otherFiles + 1 > this.limits.draftUploads()) {
			errors.rejectValue(item.name(), "request.documents.draftFull",
					new Object[] { this.limits.draftUploadSize().toMegabytes() }, null);
			return Optional.empty();
		}
		Optional<UploadedFile> received = receive(upload, item.name(), errors);
		received.ifPresent((file) -> {
			draft.documents.put(item, file);
			if (previous != null) {
				discard(previous);
			}
		});
		return received;
	}

	/**
	 * Deletes a file of a draft that no request uses (replaced, or the draft abandoned),
	 * rather than leaving it a day for the purge.
	 */
	public void discard(UploadedFile file) {
		this.files.deleteUnused(file.fileId());
	}

	/**
	 * The stored file, or empty when no file was chosen or the file was refused (then
	 * {@code errors} says why). A stored file that no request comes to use is purged with
	 * the other abandoned uploads.
	 */
	public Optional<UploadedFile> receive(@Nullable MultipartFile upload, String field, Errors errors) {
		return receive(upload, field, errors, true);
	}

	/**
	 * A scan the desk adds: inspected and stored as the public form's files, but not
	 * counted against the desk's address (every clerk at the counter shares it, and a
	 * day's paper requests would use up what one visitor may send).
	 */
	Optional<UploadedFile> receiveFromStaff(@Nullable MultipartFile upload, String field, Errors errors) {
		return receive(upload, field, errors, false);
	}

	private Optional<UploadedFile> receive(@Nullable MultipartFile upload, String field, Errors errors,
			boolean perAddress) {
		if (upload == null || upload.isEmpty() && Texts.blank(upload.getOriginalFilename())) {
			return Optional.empty();
		}
		long waitMillis = !perAddress ? 0
				: this.shared.take(PER_ADDRESS, clientAddress(),
						Math.max(1, Math.min(upload.getSize(), this.limits.uploadsPerAddress().toBytes())),
						this.limits.uploadsPerAddress().toBytes(), DAY);
		if (waitMillis > 0) {
			errors.rejectValue(field, "request.upload.dailyLimit",
					new Object[] { Math.max(1, (waitMillis + 3_599_999) / 3_600_000) }, null);
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

	private static String clientAddress() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest().getRemoteAddr() : "none";
	}

}
