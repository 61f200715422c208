package nl.recordsdesk.recordings;

import nl.recordsdesk.recordings.RecordingRules.Announcement;
import nl.recordsdesk.recordings.RecordingRules.Consent;
import nl.recordsdesk.recordings.RecordingRules.Recorder;
import nl.recordsdesk.recordings.RecordingRules.Use;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per statement of the source document. */
class RecordingRulesTests {

	@Test
	void anAudioRecordingNeedNotBeAnnouncedButAnnouncingIsAdvised() {
		assertThat(RecordingRules.announcement(RecordingKind.AUDIO)).isEqualTo(Announcement.ADVISED);
		assertThat(RecordingRules.mustBeAnnounced(RecordingKind.AUDIO)).isFalse();
	}

	@ParameterizedTest
	@EnumSource(names = { "PHOTO", "VIDEO" })
	void aPhotoOrVideoMustBeAnnounced(RecordingKind kind) {
		assertThat(RecordingRules.announcement(kind)).isEqualTo(Announcement.REQUIRED);
		assertThat(RecordingRules.mustBeAnnounced(kind)).isTrue();
	}

	@Test
	void aPatientMayRecordForPrivateUseWithoutAnyonesConsent() {
		assertThat(RecordingRules.consentNeeded(Recorder.PATIENT, Use.PRIVATE)).isEqualTo(Consent.NONE);
		assertThat(RecordingRules.privateUseAllowed()).isTrue();
	}

	@Test
	void publishingAPatientsRecordingNeedsThePhysiciansConsent() {
		assertThat(RecordingRules.consentNeeded(Recorder.PATIENT, Use.PUBLISH)).isEqualTo(Consent.PHYSICIAN);
	}

	@ParameterizedTest
	@EnumSource(Use.class)
	void aPhysiciansRecordingNeedsThePatientsConsentWhateverItIsFor(Use use) {
		assertThat(RecordingRules.consentNeeded(Recorder.PHYSICIAN, use)).isEqualTo(Consent.PATIENT);
	}

	@ParameterizedTest
	@EnumSource(names = { "AUDIO", "VIDEO" })
	void aRecordingInWhichThePatientIsHeardFallsUnderMedicalSecrecy(RecordingKind kind) {
		assertThat(RecordingRules.underMedicalSecrecy(kind, true)).isTrue();
		assertThat(RecordingRules.underMedicalSecrecy(kind, false)).isFalse();
	}

	@Test
	void aPhotoHasNoSoundInWhichThePatientIsHeard() {
		assertThat(RecordingRules.underMedicalSecrecy(RecordingKind.PHOTO, true)).isFalse();
	}

	@Test
	void thePagesListEveryKindWithItsRule() {
		assertThat(AnnouncementRule.all()).extracting(AnnouncementRule::kind).containsExactly(RecordingKind.values());
		assertThat(AnnouncementRule.all()).filteredOn(AnnouncementRule::required)
			.extracting(AnnouncementRule::kind)
			.containsExactly(RecordingKind.PHOTO, RecordingKind.VIDEO);
	}

}
