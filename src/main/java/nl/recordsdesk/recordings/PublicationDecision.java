package nl.recordsdesk.recordings;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * The physician's answer to a request to publish a recording: granted or refused, with a
 * note. Written once and never changed (the database refuses updates).
 */
@Entity
@Immutable
@Table(name = "recording_publication_decision")
public class PublicationDecision {

	@Id
	private UUID id;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(name = "decided_by")
	private String decidedBy;

	@Column(name = "decided_by_name")
	private String decidedByName;

	private boolean granted;

	private @Nullable String note;

	protected PublicationDecision() {
		// For JPA.
		this.id = UUID.randomUUID();
		this.decidedAt = Instant.EPOCH;
		this.decidedBy = "";
		this.decidedByName = "";
	}

	PublicationDecision(Instant decidedAt, String decidedBy, String decidedByName, boolean granted,
			@Nullable String note) {
		this.id = UUID.randomUUID();
		this.decidedAt = decidedAt;
		this.decidedBy = decidedBy;
		this.decidedByName = decidedByName;
		this.granted = granted;
		this.note = note;
	}

	public Instant decidedAt() {
		return this.decidedAt;
	}

	public String decidedByName() {
		return this.decidedByName;
	}

	public boolean granted() {
		return this.granted;
	}

	public @Nullable String note() {
		return this.note;
	}

}
