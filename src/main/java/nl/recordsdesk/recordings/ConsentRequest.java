package nl.recordsdesk.recordings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A physician asks a patient's consent to record ({@link RecordingRules#consentNeeded}: a
 * physician's recording needs the patient's consent). The patient grants or refuses by
 * their personal link, and may withdraw a consent later through the same link. Every step
 * is kept with its time.
 */
@Entity
@Table(name = "recording_consent")
public class ConsentRequest {

	/** What a physician records: sound, or moving images with sound. */
	public static final Set<RecordingKind> KINDS = Collections
		.unmodifiableSet(EnumSet.of(RecordingKind.AUDIO, RecordingKind.VIDEO));

	/** What the recording is for. */
	public enum Purpose {

		/** For the medical record. */
		RECORD,

		/** For teaching, for example of students or colleagues. */
		TEACHING,

		/** For scientific research. */
		RESEARCH

	}

	/** Where the consent stands now. */
	public enum State {

		PENDING, GRANTED, REFUSED, WITHDRAWN

	}

	@Id
	private UUID id;

	@Version
	private long version;

	private String reference;

	@Column(name = "token_hash")
	private String tokenHash;

	private String language;

	@Column(name = "asked_at")
	private Instant askedAt;

	@Column(name = "physician_username")
	private String physicianUsername;

	@Column(name = "physician_name")
	private String physicianName;

	@Column(name = "patient_name")
	private String patientName;

	@Column(name = "patient_email")
	private String patientEmail;

	@Enumerated(EnumType.STRING)
	private RecordingKind kind;

	@Enumerated(EnumType.STRING)
	private Purpose purpose;

	@Column(name = "recording_date")
	private LocalDate recordingDate;

	private @Nullable String explanation;

	@Enumerated(EnumType.STRING)
	private State state;

	@OneToMany(cascade = { CascadeType.PERSIST, CascadeType.MERGE }, fetch = FetchType.LAZY)
	@JoinColumn(name = "consent_id", nullable = false, updatable = false)
	@OrderBy("position")
	private List<ConsentStep> steps = new ArrayList<>();

	protected ConsentRequest() {
		// For JPA.
		this.id = UUID.randomUUID();
		this.reference = "";
		this.tokenHash = "";
		this.language = "nl";
		this.askedAt = Instant.EPOCH;
		this.physicianUsername = "";
		this.physicianName = "";
		this.patientName = "";
		this.patientEmail = "";
		this.kind = RecordingKind.AUDIO;
		this.purpose = Purpose.RECORD;
		this.recordingDate = LocalDate.EPOCH;
		this.state = State.PENDING;
	}

	ConsentRequest(String reference, String tokenHash, String language, String physicianUsername, String physicianName,
			String patientName, String patientEmail, RecordingKind kind, Purpose purpose, LocalDate recordingDate,
			@Nullable String explanation, Instant now) {
		if (!KINDS.contains(kind)) {
			throw new IllegalArgumentException("A physician records sound or video, not " + kind);
		}
		this.id = UUID.randomUUID();
		this.reference = reference;
		this.tokenHash = tokenHash;
		this.language = language;
		this.askedAt = now;
		this.physicianUsername = physicianUsername;
		this.physicianName = physicianName;
		this.patientName = patientName;
		this.patientEmail = patientEmail;
		this.kind = kind;
		this.purpose = purpose;
		this.recordingDate = recordingDate;
		this.explanation = explanation;
		this.state = State.PENDING;
		step(ConsentStep.Type.ASKED, now);
	}

	/** The patient consents; only to a pending request. */
	void grant(Instant now) {
		require(State.PENDING);
		this.state = State.GRANTED;
		step(ConsentStep.Type.GRANTED, now);
	}

	/** The patient does not consent; only to a pending request. */
	void refuse(Instant now) {
		require(State.PENDING);
		this.state = State.REFUSED;
		step(ConsentStep.Type.REFUSED, now);
	}

	/**
	 * The patient takes a consent back (GDPR art. 7(3)); only a granted one, and what was
	 * recorded before stays lawful.
	 */
	void withdraw(Instant now) {
		require(State.GRANTED);
		this.state = State.WITHDRAWN;
		step(ConsentStep.Type.WITHDRAWN, now);
	}

	private void require(State expected) {
		if (this.state != expected) {
			throw new RecordingStateException("Consent is " + this.state + ", not " + expected);
		}
	}

	private void step(ConsentStep.Type type, Instant now) {
		this.steps.add(new ConsentStep(this.steps.size(), now, type));
	}

	/** Whether this physician asked: only they see the request. */
	public boolean askedBy(String username) {
		return this.physicianUsername.equals(username);
	}

	public String reference() {
		return this.reference;
	}

	String language() {
		return this.language;
	}

	public String physicianName() {
		return this.physicianName;
	}

	public String patientName() {
		return this.patientName;
	}

	public String patientEmail() {
		return this.patientEmail;
	}

	public RecordingKind kind() {
		return this.kind;
	}

	public Purpose purpose() {
		return this.purpose;
	}

	public LocalDate recordingDate() {
		return this.recordingDate;
	}

	public @Nullable String explanation() {
		return this.explanation;
	}

	public State state() {
		return this.state;
	}

	public Instant askedAt() {
		return this.askedAt;
	}

	public List<ConsentStep> steps() {
		return Collections.unmodifiableList(this.steps);
	}

}
