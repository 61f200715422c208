package nl.recordsdesk.recordings;

/**
 * The rules for recording a consultation with a physician, in one place. The source is
 * the infographic "Opnemen van het gesprek met uw arts" of the Patiëntenfederatie
 * Nederland with the KNMG ({@code shared/seeds/003}), which rests on the KNMG guideline
 * "Omgaan met medische gegevens" and, for private use, on the law. Each method quotes the
 * statement it encodes. Plain Java: the forms, pages and tests ask these methods rather
 * than repeat the rules.
 */
public final class RecordingRules {

	/** Whether the physician must be told of a patient's recording beforehand. */
	public enum Announcement {

		/** The patient must tell the physician. */
		REQUIRED,

		/** The patient need not, but is advised to. */
		ADVISED

	}

	/** Who makes the recording. */
	public enum Recorder {

		PATIENT, PHYSICIAN

	}

	/** What the recording is for. */
	public enum Use {

		/** For the patient themselves and those close to them. */
		PRIVATE,

		/** Made public or shared beyond private use, for example on social media. */
		PUBLISH

	}

	/** Whose consent is needed. */
	public enum Consent {

		NONE, PHYSICIAN, PATIENT

	}

	private RecordingRules() {
	}

	/**
	 * "U bent niet verplicht een geluidsopname te melden aan uw arts, maar we raden u dit
	 * wel aan. U bent wel verplicht een beeldopname te melden aan uw arts." and "Voor het
	 * maken van beeldopnames (foto en video) bent u namelijk verplicht dit te melden aan
	 * uw arts." (KNMG guideline "Omgaan met medische gegevens").
	 * @param kind what the patient records
	 * @return {@link Announcement#REQUIRED} for photo and video,
	 * {@link Announcement#ADVISED} for audio
	 */
	public static Announcement announcement(RecordingKind kind) {
		return switch (kind) {
			case AUDIO -> Announcement.ADVISED;
			case PHOTO, VIDEO -> Announcement.REQUIRED;
		};
	}

	/** Whether the patient must announce a recording of this kind: photo and video. */
	public static boolean mustBeAnnounced(RecordingKind kind) {
		return announcement(kind) == Announcement.REQUIRED;
	}

	/**
	 * Whose consent a recording, or its use, needs.
	 * <ul>
	 * <li>A patient's recording for private use: nobody's. "Mag u geluidsopnames maken
	 * van het gesprek met uw arts? Ja, dit mag, maar alleen voor privégebruik." ("Dit
	 * volgt uit de wet.")</li>
	 * <li>A patient's recording made public or shared: the physician's. "Openbaarmaking
	 * van de opname, bijvoorbeeld via social media, mag alleen na toestemming van de
	 * arts."</li>
	 * <li>A physician's recording, whatever it is for: the patient's. "Wilt uw arts zelf
	 * geluidsopnames maken? Hiervoor heeft hij uw toestemming nodig."</li>
	 * </ul>
	 */
	public static Consent consentNeeded(Recorder recorder, Use use) {
		if (recorder == Recorder.PHYSICIAN) {
			return Consent.PATIENT;
		}
		return (use == Use.PRIVATE) ? Consent.NONE : Consent.PHYSICIAN;
	}

	/**
	 * A patient may record their consultation for private use without anyone's consent.
	 */
	public static boolean privateUseAllowed() {
		return consentNeeded(Recorder.PATIENT, Use.PRIVATE) == Consent.NONE;
	}

	/**
	 * "Een geluidsopname waarop een patiënt te horen is, valt onder het medisch
	 * beroepsgeheim." (KNMG guideline "Omgaan met medische gegevens"): a recording in
	 * which the patient can be heard is covered by medical professional secrecy, so the
	 * hospital handles it, and what it stores about it, as part of the medical record.
	 * @param kind what was recorded
	 * @param patientCanBeHeard whether the patient is heard on it
	 */
	public static boolean underMedicalSecrecy(RecordingKind kind, boolean patientCanBeHeard) {
		return kind != RecordingKind.PHOTO && patientCanBeHeard;
	}

}
