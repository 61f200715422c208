package nl.recordsdesk.uploads;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * The bytes of an accepted upload, apart from the request so lists never load them.
 * Served back only as an attachment. A copy too large for the database (an imaging copy's
 * ZIP) is a file in the copies folder instead ({@link CopyFolder}): its row holds the
 * file's path ({@link #location()}) and no content.
 */
@Entity
@Table(name = "stored_file")
public class StoredFile {

	@Id
	private UUID id;

	private byte[] content;

	@Column(name = "content_type")
	private String contentType;

	private long size;

	private String sha256;

	@Column(name = "scan_status")
	private String scanStatus;

	@Column(name = "created_at")
	private Instant createdAt;

	private @Nullable String location;

	protected StoredFile() {
		this.id = UUID.randomUUID();
		this.content = new byte[0];
		this.contentType = "";
		this.sha256 = "";
		this.scanStatus = "";
		this.createdAt = Instant.EPOCH;
	}

	public StoredFile(byte[] content, String contentType, String sha256, String scanStatus, Instant createdAt) {
		this.id = UUID.randomUUID();
		this.content = content;
		this.contentType = contentType;
		this.size = content.length;
		this.sha256 = sha256;
		this.scanStatus = scanStatus;
		this.createdAt = createdAt;
	}

	/** A file kept in the copies folder, at {@code location}. */
	static StoredFile inFolder(String location, String contentType, long size, String sha256, String scanStatus,
			Instant createdAt) {
		StoredFile file = new StoredFile(new byte[0], contentType, sha256, scanStatus, createdAt);
		file.size = size;
		file.location = location;
		return file;
	}

	public UUID id() {
		return this.id;
	}

	public byte[] content() {
		return this.content;
	}

	/**
	 * Where the file is, when it is kept in the copies folder; none when in the database.
	 */
	public @Nullable String location() {
		return this.location;
	}

	/**
	 * The content to send, read as it is sent: from the database's bytes, or streamed
	 * from the copies folder.
	 */
	public Resource body() {
		return (this.location != null) ? new FileSystemResource(Path.of(this.location))
				: new ByteArrayResource(this.content);
	}

	public String contentType() {
		return this.contentType;
	}

	public long size() {
		return this.size;
	}

	public String sha256() {
		return this.sha256;
	}

	public String scanStatus() {
		return this.scanStatus;
	}

	/**
	 * Whether the file may be opened: scanned clean, or no scanner configured. A file
	 * waiting for its scan, or found infected, is not.
	 */
	public boolean viewable() {
		return ScanStatus.valueOf(this.scanStatus).viewable();
	}

	/** The scan statuses of files that may not be opened. */
	public static final java.util.List<String> WITHHELD = java.util.Arrays.stream(ScanStatus.values())
		.filter((status) -> !status.viewable())
		.map(Enum::name)
		.toList();

	public Instant createdAt() {
		return this.createdAt;
	}

}
