package nl.recordsdesk.requests;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.recordsdesk.eligibility.ItemCode;
import org.jspecify.annotations.Nullable;

/**
 * A document that came with the request. The content lives in {@code stored_file}; when
 * it is purged (ID copies after the request is closed) the fact of it stays.
 */
@Entity
@Table(name = "request_document")
public class RequestDocument {

	@Id
	private UUID id;

	@Column(name = "item_code")
	@Enumerated(EnumType.STRING)
	private ItemCode item;

	@Column(name = "file_id")
	private @Nullable UUID fileId;

	@Column(name = "file_name")
	private String fileName;

	@Column(name = "content_type")
	private String contentType;

	private long size;

	private String sha256;

	@Column(name = "uploaded_by")
	@Enumerated(EnumType.STRING)
	private SignerRole uploadedBy;

	@Column(name = "uploaded_at")
	private Instant uploadedAt;

	@Column(name = "purged_at")
	private @Nullable Instant purgedAt;

	protected RequestDocument() {
		this.id = UUID.randomUUID();
		this.item = ItemCode.REQUESTER_ID;
		this.fileName = "";
		this.contentType = "";
		this.sha256 = "";
		this.uploadedBy = SignerRole.REQUESTER;
		this.uploadedAt = Instant.EPOCH;
	}

	RequestDocument(ItemCode item, UploadedFile file, SignerRole uploadedBy, Instant uploadedAt) {
		this.id = UUID.randomUUID();
		this.item = item;
		this.fileId = file.fileId();
		this.fileName = file.fileName();
		this.contentType = file.contentType();
		this.size = file.size();
		this.sha256 = file.sha256();
		this.uploadedBy = uploadedBy;
		this.uploadedAt = uploadedAt;
	}

	public UUID id() {
		return this.id;
	}

	public ItemCode item() {
		return this.item;
	}

	public @Nullable UUID fileId() {
		return this.fileId;
	}

	public String fileName() {
		return this.fileName;
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

	public SignerRole uploadedBy() {
		return this.uploadedBy;
	}

	public Instant uploadedAt() {
		return this.uploadedAt;
	}

	public @Nullable Instant purgedAt() {
		return this.purgedAt;
	}

}
