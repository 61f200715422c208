package nl.recordsdesk.recordings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import nl.recordsdesk.accounts.StaffMember;
import org.jspecify.annotations.Nullable;

/**
 * A patient (or a parent) tells the department that they will record a consultation; a
 * physician of the department acknowledges it once, optionally with a note.
 */
@Entity
@Table(name = "recording_announcement")
public class Announcement {

	/** Who announces: the patient, or a parent of a child who is the patient. */
	public enum Announcer {

		PATIENT, PARENT

	}

	@Id
	private UUID id;

	@Version
	private long version;

	private String reference;

	@Column(name = "status_token_hash")
	private String statusTokenHash;

	private String language;

	@Column(name = "announced_at")
	private Instant announcedAt;

	@Enumerated(EnumType.STRING)
	private Announcer announcer;

	@Column(name = "patient_name")
	private String patientName;

	private String email;

	private String department;

	@Column(name = "consultation_date")
	private LocalDate consultationDate;

	@Column(name = "physician_name")
	private @Nullable String physicianName;

	@Enumerated(EnumType.STRING)
	private RecordingKind kind;

	private @Nullable String purpose;

	@Column(name = "acknowledged_at")
	private @Nullable Instant acknowledgedAt;

	@Column(name = "acknowledged_by")
	private @Nullable String acknowledgedBy;

	@Column(name = "acknowledged_by_name")
	private @Nullable String acknowledgedByName;

	@Column(name = "acknowledgement_note")
	private @Nullable String acknowledgementNote;

	protected Announcement() {
		// For JPA.
		this.id = UUID.randomUUID();
		this.reference = "";
		this.statusTokenHash = "";
		this.language = "nl";
		this.announcedAt = Instant.EPOCH;
		this.announcer = Announcer.PATIENT;
		this.patientName = "";
		this.email = "";
		this.department = "";
		this.consultationDate = LocalDate.EPOCH;
		this.kind = RecordingKind.AUDIO;
	}

	Announcement(String reference, String statusTokenHash, String language, Instant announcedAt, Announcer announcer,
			String patientName, String email, String department, LocalDate consultationDate,
			@Nullable String physicianName, RecordingKind kind, @Nullable String purpose) {
		this.id = UUID.randomUUID();
		this.reference = reference;
		this.statusTokenHash = statusTokenHash;
		this.language = language;
		this.announcedAt = announcedAt;
		this.announcer = announcer;
		this.patientName = patientName;
		this.email = email;
		this.department = department;
		this.consultationDate = consultationDate;
		this.physicianName = physicianName;
		this.kind = kind;
		this.purpose = purpose;
	}

	/**
	 * A physician of the department has read the announcement; once only.
	 * @throws RecordingStateException when it was acknowledged before
	 * @throws IllegalArgumentException when the physician is not of the department
	 */
	void acknowledge(StaffMember physician, @Nullable String note, Instant now) {
		if (!concerns(physician.departments())) {
			throw new IllegalArgumentException("Not a physician of this department");
		}
		if (this.acknowledgedAt != null) {
			throw new RecordingStateException("Acknowledged before");
		}
		this.acknowledgedAt = now;
		this.acknowledgedBy = physician.username();
		this.acknowledgedByName = physician.displayName();
		this.acknowledgementNote = note;
	}

	/** Whether the announcement is for one of these departments. */
	public boolean concerns(Collection<String> departments) {
		return Departments.includes(departments, this.department);
	}

	public boolean acknowledged() {
		return this.acknowledgedAt != null;
	}

	/** Whether this kind had to be announced (photo, video) or announcing was advised. */
	public RecordingRules.Announcement announcementRule() {
		return RecordingRules.announcement(this.kind);
	}

	public String reference() {
		return this.reference;
	}

	String language() {
		return this.language;
	}

	public Instant announcedAt() {
		return this.announcedAt;
	}

	public Announcer announcer() {
		return this.announcer;
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

	public LocalDate consultationDate() {
		return this.consultationDate;
	}

	public @Nullable String physicianName() {
		return this.physicianName;
	}

	public RecordingKind kind() {
		return this.kind;
	}

	public @Nullable String purpose() {
		return this.purpose;
	}

	public @Nullable Instant acknowledgedAt() {
		return this.acknowledgedAt;
	}

	public @Nullable String acknowledgedByName() {
		return this.acknowledgedByName;
	}

	public @Nullable String acknowledgementNote() {
		return this.acknowledgementNote;
	}

}
