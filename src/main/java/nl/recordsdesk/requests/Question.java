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

/** A question from the desk to the requester, and the answer given on the status page. */
@Entity
@Table(name = "request_question")
public class Question {

	@Id
	private UUID id;

	@Column(name = "asked_at")
	private Instant askedAt;

	@Column(name = "asked_by")
	private String askedBy;

	private String question;

	@Column(name = "requested_item")
	@Enumerated(EnumType.STRING)
	private @Nullable ItemCode requestedItem;

	@Column(name = "answered_at")
	private @Nullable Instant answeredAt;

	private @Nullable String answer;

	protected Question() {
		this.id = UUID.randomUUID();
		this.askedAt = Instant.EPOCH;
		this.askedBy = "";
		this.question = "";
	}

	Question(String question, @Nullable ItemCode requestedItem, String askedBy, Instant askedAt) {
		this.id = UUID.randomUUID();
		this.question = question;
		this.requestedItem = requestedItem;
		this.askedBy = askedBy;
		this.askedAt = askedAt;
	}

	public UUID id() {
		return this.id;
	}

	public Instant askedAt() {
		return this.askedAt;
	}

	public String askedBy() {
		return this.askedBy;
	}

	public String question() {
		return this.question;
	}

	public @Nullable ItemCode requestedItem() {
		return this.requestedItem;
	}

	public @Nullable Instant answeredAt() {
		return this.answeredAt;
	}

	public @Nullable String answer() {
		return this.answer;
	}

	public boolean open() {
		return this.answeredAt == null;
	}

	void answer(@Nullable String answer, Instant at) {
		this.answer = answer;
		this.answeredAt = at;
	}

}
