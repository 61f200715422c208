package nl.recordsdesk.requests;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * One step in the request's history: what happened, when, who did it, and the state
 * before and after. The requester's timeline and the desk's history are read from these.
 */
@Entity
@Table(name = "request_event")
public class RequestEvent {

	/** What happened, and whether the requester's timeline shows it. */
	public enum Type {

		FILED(true), CO_SIGNED(true), CO_SIGNATURE_DECLINED(true), CO_SIGNER_INVITED_AGAIN(true), SUBMITTED(true),
		DOCUMENT_PROVIDED(true), WITHDRAWN(true), EXPIRED(true), CLAIMED(true), RELEASED(false), HANDED_OVER(false),
		TAKEN_OVER(false), IDENTITY_VERIFIED(false), QUESTION_ASKED(true), QUESTION_ANSWERED(true),
		FORWARDED_TO_PHYSICIAN(true), REVIEW_DECIDED(false), APPROVED(true), REJECTED(true), DEADLINE_EXTENDED(true),
		PREPARED(false), READY(true), DELIVERED(true), DOWNLOADED(true), DOWNLOAD_LINK_RENEWED(true),
		APPOINTMENT_SCHEDULED(true), COMPLETED(true), RECONSIDERED(true),
		/**
		 * Entered by the desk from a request on paper; the detail is the day it arrived.
		 */
		ENTERED_FROM_PAPER(true),
		/**
		 * What a copy the portal composed holds, part by part ({@link CopyContents}),
		 * right after its preparation; the desk's history shows the preparation's words.
		 */
		COPY_CONTENTS(false);

		private final boolean shownToRequester;

		Type(boolean shownToRequester) {
			this.shownToRequester = shownToRequester;
		}

		public boolean shownToRequester() {
			return this.shownToRequester;
		}

	}

	@Id
	private UUID id;

	private int position;

	@Column(name = "occurred_at")
	private Instant occurredAt;

	@Enumerated(EnumType.STRING)
	private Type type;

	@Column(name = "from_status")
	@Enumerated(EnumType.STRING)
	private @Nullable RequestStatus from;

	@Column(name = "to_status")
	@Enumerated(EnumType.STRING)
	private RequestStatus to;

	@Convert(converter = ActorConverter.class)
	private Actor actor;

	private @Nullable String detail;

	protected RequestEvent() {
		this.id = UUID.randomUUID();
		this.occurredAt = Instant.EPOCH;
		this.type = Type.FILED;
		this.to = RequestStatus.SUBMITTED;
		this.actor = Actor.PORTAL;
	}

	RequestEvent(int position, Instant occurredAt, Type type, @Nullable RequestStatus from, RequestStatus to,
			Actor actor, @Nullable String detail) {
		this.id = UUID.randomUUID();
		this.position = position;
		this.occurredAt = occurredAt;
		this.type = type;
		this.from = from;
		this.to = to;
		this.actor = actor;
		this.detail = detail;
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

	public @Nullable RequestStatus from() {
		return this.from;
	}

	public RequestStatus to() {
		return this.to;
	}

	/**
	 * Who took the step, as stored: {@code REQUESTER}, a co-signer's role, {@code SYSTEM}
	 * or a staff member's username (what the views show and look names up by).
	 */
	public String actor() {
		return this.actor.stored();
	}

	public Actor by() {
		return this.actor;
	}

	public @Nullable String detail() {
		return this.detail;
	}

}
