package nl.recordsdesk.recordings;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * One step of a consent to record, with its time: asked, granted, refused, withdrawn.
 * Append-only (the database refuses updates and deletes), so the hospital can show later
 * that, and when, the patient consented (GDPR art. 7(1)).
 */
@Entity
@Immutable
@Table(name = "recording_consent_step")
public class ConsentStep {

	/** What happened; asking is the physician's step, the others the patient's. */
	public enum Type {

		ASKED, GRANTED, REFUSED, WITHDRAWN

	}

	@Id
	private UUID id;

	private int position;

	@Column(name = "occurred_at")
	private Instant occurredAt;

	@Enumerated(EnumType.STRING)
	private Type type;

	protected ConsentStep() {
		// For JPA.
		this.id = UUID.randomUUID();
		this.occurredAt = Instant.EPOCH;
		this.type = Type.ASKED;
	}

	ConsentStep(int position, Instant occurredAt, Type type) {
		this.id = UUID.randomUUID();
		this.position = position;
		this.occurredAt = occurredAt;
		this.type = type;
	}

	public int position() {
		return this.position;
	}

	public Instant occurredAt() {
		return this.occurredAt;
	}

	public Type type() {
		return this.type;
	}

}
