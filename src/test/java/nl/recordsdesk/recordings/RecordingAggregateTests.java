package nl.recordsdesk.recordings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.recordsdesk.accounts.StaffMember;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The guards of each workflow, without a database. */
class RecordingAggregateTests {

	static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	static final StaffMember CARDIOLOGIST = physician("vos", "Cardiologie");

	static final StaffMember NEUROLOGIST = physician("smit", "Neurologie");

	static StaffMember physician(String username, String department) {
		return new StaffMember(UUID.randomUUID(), username, "Dr. " + username, List.of("PHYSICIAN"),
				List.of(department));
	}

	static Announcement announcement() {
		return new Announcement("OP-2026-000001", "hash", "nl", NOW, Announcement.Announcer.PATIENT, "Jan Jansen",
				"jan@example.org", "Cardiologie", LocalDate.of(2026, 12, 1), null, RecordingKind.VIDEO, null);
	}

	static Publication publication() {
		return new Publication("OP-2026-000002", "hash2", "nl", NOW, "Jan Jansen", "jan@example.org", "Cardiologie",
				null, LocalDate.of(2026, 11, 1), RecordingKind.AUDIO, "YouTube", "Om anderen te helpen", "Alles");
	}

	static ConsentRequest consent() {
		return new ConsentRequest("OP-2026-000003", "hash3", "nl", "vos", "Dr. vos", "Jan Jansen", "jan@example.org",
				RecordingKind.VIDEO, ConsentRequest.Purpose.TEACHING, LocalDate.of(2026, 12, 1), null, NOW);
	}

	@Test
	void anAnnouncementIsAcknowledgedOnceWithTheNote() {
		Announcement announcement = announcement();
		announcement.acknowledge(CARDIOLOGIST, "Ik geef u aan het eind een samenvatting.", NOW);
		assertThat(announcement.acknowledged()).isTrue();
		assertThat(announcement.acknowledgedByName()).isEqualTo("Dr. vos");
		assertThat(announcement.acknowledgementNote()).isEqualTo("Ik geef u aan het eind een samenvatting.");
		assertThatExceptionOfType(RecordingStateException.class)
			.isThrownBy(() -> announcement.acknowledge(CARDIOLOGIST, null, NOW.plusSeconds(60)));
		assertThat(announcement.acknowledgedAt()).isEqualTo(NOW);
	}

	@Test
	void onlyAPhysicianOfTheDepartmentAcknowledgesWhateverTheCaseOfItsName() {
		assertThatIllegalArgumentException().isThrownBy(() -> announcement().acknowledge(NEUROLOGIST, null, NOW));
		announcement().acknowledge(physician("de-wit", "cardiologie"), null, NOW);
	}

	@Test
	void theAnnouncementKnowsWhetherItsKindHadToBeAnnounced() {
		assertThat(announcement().announcementRule()).isEqualTo(RecordingRules.Announcement.REQUIRED);
	}

	@Test
	void aRequestToPublishIsDecidedOnce() {
		Publication publication = publication();
		publication.decide(CARDIOLOGIST, false, "Er is een collega herkenbaar in beeld.", false, NOW);
		assertThat(publication.state()).isEqualTo(Publication.State.REFUSED);
		assertThatExceptionOfType(RecordingStateException.class)
			.isThrownBy(() -> publication.decide(CARDIOLOGIST, true, null, true, NOW));
		assertThatExceptionOfType(RecordingStateException.class).isThrownBy(() -> publication.withdraw(NOW));
		assertThat(publication.state()).isEqualTo(Publication.State.REFUSED);
	}

	@Test
	void noDecisionOnAWithdrawnRequestToPublish() {
		Publication publication = publication();
		publication.withdraw(NOW);
		assertThat(publication.state()).isEqualTo(Publication.State.WITHDRAWN);
		assertThatExceptionOfType(RecordingStateException.class)
			.isThrownBy(() -> publication.decide(CARDIOLOGIST, true, null, true, NOW));
		assertThat(publication.decision()).isNull();
	}

	@Test
	void onlyThePhysicianInTheRecordingGrantsAColleagueMayRefuse() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> publication().decide(CARDIOLOGIST, true, null, false, NOW));
		Publication refused = publication();
		refused.decide(CARDIOLOGIST, false, "Mijn collega is herkenbaar en gaf geen toestemming.", false, NOW);
		assertThat(refused.state()).isEqualTo(Publication.State.REFUSED);
	}

	@Test
	void anotherDepartmentDoesNotDecide() {
		assertThatIllegalArgumentException().isThrownBy(() -> publication().decide(NEUROLOGIST, true, null, true, NOW));
	}

	@Test
	void aConsentIsGrantedThenWithdrawnAndEveryStepKeepsItsTime() {
		ConsentRequest consent = consent();
		consent.grant(NOW.plusSeconds(60));
		consent.withdraw(NOW.plusSeconds(120));
		assertThat(consent.state()).isEqualTo(ConsentRequest.State.WITHDRAWN);
		assertThat(consent.steps()).extracting(ConsentStep::type)
			.containsExactly(ConsentStep.Type.ASKED, ConsentStep.Type.GRANTED, ConsentStep.Type.WITHDRAWN);
		assertThat(consent.steps()).extracting(ConsentStep::occurredAt)
			.containsExactly(NOW, NOW.plusSeconds(60), NOW.plusSeconds(120));
	}

	@Test
	void noGrantAfterWithdrawalNorAfterARefusal() {
		ConsentRequest withdrawn = consent();
		withdrawn.grant(NOW);
		withdrawn.withdraw(NOW);
		assertThatExceptionOfType(RecordingStateException.class).isThrownBy(() -> withdrawn.grant(NOW));
		ConsentRequest refused = consent();
		refused.refuse(NOW);
		assertThatExceptionOfType(RecordingStateException.class).isThrownBy(() -> refused.grant(NOW));
		assertThatExceptionOfType(RecordingStateException.class).isThrownBy(() -> refused.withdraw(NOW));
	}

	@Test
	void onlyAGrantedConsentIsWithdrawnAndOnlyOnce() {
		ConsentRequest consent = consent();
		assertThatExceptionOfType(RecordingStateException.class).isThrownBy(() -> consent.withdraw(NOW));
		consent.grant(NOW);
		consent.withdraw(NOW);
		assertThatExceptionOfType(RecordingStateException.class).isThrownBy(() -> consent.withdraw(NOW));
		assertThat(consent.steps()).hasSize(3);
	}

	@Test
	void aPhysicianAsksForSoundOrVideoNotForAPhoto() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConsentRequest("OP", "h", "nl", "vos", "Dr. vos", "Jan", "jan@example.org",
					RecordingKind.PHOTO, ConsentRequest.Purpose.RECORD, LocalDate.of(2026, 12, 1), null, NOW));
	}

}
