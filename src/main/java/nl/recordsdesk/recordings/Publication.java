package nl.recordsdesk.recordings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import nl.recordsdesk.accounts.StaffMember;
import org.jspecify.annotations.Nullable;

/**
 * A patient asks the physician's consent to publish or share a recording beyond private
 * use ({@link RecordingRules#consentNeeded}): where, why and which part. A physician of
 * the department decides once; until then the patient may withdraw the request.
 */
@Entity
@Table(name = "recording_publication")
public class Publication {

	/** Where the request stands. */
	public enum State {

		OPEN, GRANTED, REFUSED, WITHDRAWN

	}

	@Id
	private UUID id;

	@Version
	private long version;

	private String reference;

	@Column(name = "status_token_hash")
	private String statusTokenHash;

	private String language;

	@Column(name = "requested_at")
	private Instant requestedAt;

	@Column(name = "patient_name")
	private String patientName;

	private String email;

	private String department;

	@Column(name = "physician_name")
	private @Nullable String physicianName;

	@Column(name = "recording_date")
	private LocalDate recordingDate;

	@Enumerated(EnumType.STRING)
	private RecordingKind kind;

	private String channel;

	private String reason;

	private String part;

	@Column(name = "withdrawn_at")
	private @Nullable Instant withdrawnAt;

	@OneToOne(cascade = { CascadeType.PERSIST, CascadeType.MERGE }, fetch = FetchType.EAGER)
	@JoinColumn(name = "decision_id")
	private @Nullable PublicationDecision decision;

	protected Publication() {
		// For JPA.
		this.id = UUID.randomUUID();
		this.reference = "";
		this.statusTokenHash = "";
		this.language = "nl";
		this.requestedAt = Instant.EPOCH;
		this.patientName = "";
		this.email = "";
		this.department = "";
		this.recordingDate = LocalDate.EPOCH;
		this.kind = RecordingKind.AUDIO;
		this.channel = "";
		this.reason = "";
		this.part = "";
	}

	Publication(String reference, String statusTokenHash, String language, Instant requestedAt, String patientName,
			String email, String department, @Nullable String physicianName, LocalDate recordingDate,
			RecordingKind kind, String channel, String reason, String part) {
		this.id = UUID.randomUUID();
		this.reference = reference;
		this.statusTokenHash = statusTokenHash;
		this.language = language;
		this.requestedAt = requestedAt;
		this.patientName = patientName;
		this.email = email;
		this.department = department;
		this.physicianName = physicianName;
		this.recordingDate = recordingDate;
		this.kind = kind;
		this.channel = channel;
		this.reason = reason;
		this.part = part;
	}

	/**
	 * A physician of the department decides, once, and not after the patient withdrew:
	 * the physician in the recording grants (publishing needs their own consent); a
	 * colleague may refuse.
	 */
	PublicationDecision decide(StaffMember physician, boolean granted, @Nullable String note, boolean recordedPhysician,
			Instant now) {
		if (!concerns(physician.departments())) {
			throw new IllegalArgumentException("Not a physician of this department");
		}
		if (granted && !recordedPhysician) {
			throw new IllegalArgumentException("Only the physician in the recording consents to publishing it");
		}
		if (state() != State.OPEN) {
			throw new RecordingStateException("Decided or withdrawn before: " + state());
		}
		this.decision = new PublicationDecision(now, physician.username(), physician.displayName(), granted, note);
		return this.decision;
	}

	/** The patient takes the request back, while no decision was made. */
	void withdraw(Instant now) {
		if (state() != State.OPEN) {
			throw new RecordingStateException("Decided or withdrawn before: " + state());
		}
		this.withdrawnAt = now;
	}

	public State state() {
		if (this.decision != null) {
			return this.decision.granted() ? State.GRANTED : State.REFUSED;
		}
		return (this.withdrawnAt != null) ? State.WITHDRAWN : State.OPEN;
	}

	public boolean concerns(Collection<String> departments) {
		return Departments.includes(departments, this.department);
	}

	public String reference() {
		return this.reference;
	}

	String language() {
		return this.language;
	}

	public Instant requestedAt() {
		return this.requestedAt;
	}

	public String patientName() {
		return this.patientName;
	}

	public String email() {
		return this.email;
	}

	public String department() {
		return this.department;
	}

	public @Nullable String physicianName() {
		return this.physicianName;
	}

	public LocalDate recordingDate() {
		return this.recordingDate;
	}

	public RecordingKind kind() {
		return this.kind;
	}

	public String channel() {
		return this.channel;
	}

	public String reason() {
		return this.reason;
	}

	public String part() {
		return this.part;
	}

	public @Nullable Instant withdrawnAt() {
		return this.withdrawnAt;
	}

	public @Nullable PublicationDecision decision() {
		return this.decision;
	}

}
