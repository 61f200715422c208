package nl.recordsdesk.contact;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A message sent with the contact form. It is handled once: answered (the answer is kept
 * and mailed) or closed with a reason (spam, handled by phone). Both are refused once it
 * is no longer open.
 */
@Entity
@Table(name = "contact_message")
public class ContactMessage {

	@Id
	private UUID id;

	@Version
	private long version;

	@Column(name = "received_at")
	private Instant receivedAt;

	@Column(name = "sender_name")
	private String senderName;

	@Column(name = "sender_email")
	private String senderEmail;

	@Column(name = "sender_language")
	private String senderLanguage;

	@Enumerated(EnumType.STRING)
	private Topic topic;

	@Column(name = "request_reference")
	private @Nullable String requestReference;

	private String message;

	@Enumerated(EnumType.STRING)
	private ContactStatus status;

	@Column(name = "handled_at")
	private @Nullable Instant handledAt;

	@Column(name = "handled_by")
	private @Nullable String handledBy;

	private @Nullable String answer;

	@Column(name = "close_reason")
	private @Nullable String closeReason;

	protected ContactMessage() {
		this.id = UUID.randomUUID();
		this.receivedAt = Instant.EPOCH;
		this.senderName = "";
		this.senderEmail = "";
		this.senderLanguage = "nl";
		this.topic = Topic.OTHER;
		this.message = "";
		this.status = ContactStatus.OPEN;
	}

	ContactMessage(String senderName, String senderEmail, Locale language, Topic topic,
			@Nullable String requestReference, String message, Instant receivedAt) {
		this.id = UUID.randomUUID();
		this.senderName = senderName;
		this.senderEmail = senderEmail;
		this.senderLanguage = language.getLanguage();
		this.topic = topic;
		this.requestReference = requestReference;
		this.message = message;
		this.receivedAt = receivedAt;
		this.status = ContactStatus.OPEN;
	}

	/**
	 * Records the desk's answer.
	 * @throws AlreadyHandledException when the message was answered or closed before
	 */
	void answer(String text, String by, Instant at) {
		requireOpen();
		this.status = ContactStatus.ANSWERED;
		this.answer = text;
		this.handledBy = by;
		this.handledAt = at;
	}

	/**
	 * Closes the message without an answer.
	 * @throws AlreadyHandledException when the message was answered or closed before
	 */
	void close(String reason, String by, Instant at) {
		requireOpen();
		this.status = ContactStatus.CLOSED;
		this.closeReason = reason;
		this.handledBy = by;
		this.handledAt = at;
	}

	private void requireOpen() {
		if (this.status != ContactStatus.OPEN) {
			throw new AlreadyHandledException();
		}
	}

	public UUID id() {
		return this.id;
	}

	public long version() {
		return this.version;
	}

	public Instant receivedAt() {
		return this.receivedAt;
	}

	public String senderName() {
		return this.senderName;
	}

	public String senderEmail() {
		return this.senderEmail;
	}

	public Locale senderLanguage() {
		return Locale.forLanguageTag(this.senderLanguage);
	}

	public Topic topic() {
		return this.topic;
	}

	public @Nullable String requestReference() {
		return this.requestReference;
	}

	public String message() {
		return this.message;
	}

	public ContactStatus status() {
		return this.status;
	}

	public boolean isOpen() {
		return this.status == ContactStatus.OPEN;
	}

	public @Nullable Instant handledAt() {
		return this.handledAt;
	}

	public @Nullable String handledBy() {
		return this.handledBy;
	}

	public @Nullable String answer() {
		return this.answer;
	}

	public @Nullable String closeReason() {
		return this.closeReason;
	}

}
