package nl.recordsdesk.requests;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An internal note of the desk; the requester never sees it. */
@Entity
@Table(name = "request_note")
public class Note {

	@Id
	private UUID id;

	@Column(name = "written_at")
	private Instant writtenAt;

	@Column(name = "written_by")
	private String writtenBy;

	private String text;

	protected Note() {
		this.id = UUID.randomUUID();
		this.writtenAt = Instant.EPOCH;
		this.writtenBy = "";
		this.text = "";
	}

	Note(String text, String writtenBy, Instant writtenAt) {
		this.id = UUID.randomUUID();
		this.text = text;
		this.writtenBy = writtenBy;
		this.writtenAt = writtenAt;
	}

	public Instant writtenAt() {
		return this.writtenAt;
	}

	public String writtenBy() {
		return this.writtenBy;
	}

	public String text() {
		return this.text;
	}

}
