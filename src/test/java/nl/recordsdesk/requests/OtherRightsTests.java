package nl.recordsdesk.requests;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.ReviewDecision.Capacity;
import nl.recordsdesk.requests.ReviewDecision.LegalGround;
import nl.recordsdesk.requests.ReviewDecision.Review;
import nl.recordsdesk.requests.ReviewDecision.Scope;
import org.junit.jupiter.api.Test;

import static nl.recordsdesk.requests.Filings.NOW;
import static nl.recordsdesk.requests.Filings.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The rights beside a copy on the aggregate: what each carries when filed, its term, and
 * how the desk carries it out instead of handing over a copy.
 */
class OtherRightsTests {

	static final String DESK = "balie";

	static Request filed(RequestType type) {
		NewRequest form = Filings.form(type, LocalDate.of(1980, 4, 4), false, Relation.SELF, null, false,
				Map.of(ItemCode.REQUESTER_ID, Filings.file("id.pdf")), java.util.List.of(), null);
		return Filings.file(form, 7).request();
	}

	static Request approved(RequestType type) {
		Request request = filed(type);
		request.claim(Actor.staff(DESK), NOW);
		request.verifyIdentity(Actor.staff(DESK), NOW);
		request.approve(Actor.staff(DESK), NOW);
		return request;
	}

	@Test
	void aTypedStatementSatisfiesTheStatementItem() {
		Request request = filed(RequestType.ADDITION);
		assertThat(request.details().statement()).startsWith("Ik was het niet eens");
		assertThat(request.items()).extracting(RequiredItem::code)
			.containsExactly(ItemCode.REQUESTER_ID, ItemCode.STATEMENT);
		assertThat(request.missingItems()).isEmpty();
		assertThat(request.delivery()).isEqualTo(Delivery.ANSWER_BY_EMAIL);
	}

	@Test
	void aCorrectionSaysWhatIsWrongAndWhatItShouldBe() {
		NewRequest incomplete = Filings.form(RequestType.CORRECTION, LocalDate.of(1980, 4, 4), false, Relation.SELF,
				null, false, Map.of(ItemCode.REQUESTER_ID, Filings.file("id.pdf")), java.util.List.of(), null);
		NewRequest withoutProposal = new NewRequest(incomplete.submissionKey(), incomplete.statusToken(),
				incomplete.language(), incomplete.type(), incomplete.scope(), incomplete.studies(), false,
				incomplete.patient(), false, incomplete.requester(),
				new RightDetails(null, "Allergie: penicilline", " ", null), null, incomplete.documents(),
				incomplete.coSigners(), incomplete.delivery(), incomplete.signature());
		assertThatIllegalArgumentException().isThrownBy(() -> Filings.file(withoutProposal, 8));
		assertThat(filed(RequestType.CORRECTION).missingItems()).isEmpty();
	}

	@Test
	void destructionIsDueInThreeMonthsAndCannotBeExtended() {
		Request request = filed(RequestType.DESTRUCTION);
		assertThat(request.dueDate()).isEqualTo(LocalDate.ofInstant(NOW, ZONE).plusMonths(3));
		assertThat(request.outcome()).isEqualTo(nl.recordsdesk.eligibility.Outcome.PHYSICIAN_REVIEW);
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> request.extendDeadline(Actor.staff(DESK), 1, "Drukte", NOW, ZONE));
		assertThat(filed(RequestType.ADDITION).dueDate()).isEqualTo(LocalDate.ofInstant(NOW, ZONE).plusMonths(1));
	}

	@Test
	void aPhysicianDecidesDestructionWithADestructionGround() {
		Request request = filed(RequestType.DESTRUCTION);
		request.claim(Actor.staff(DESK), NOW);
		request.verifyIdentity(Actor.staff(DESK), NOW);
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> request.approve(Actor.staff(DESK), NOW));
		request.forwardToPhysician(Actor.staff(DESK), NOW);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> request.decide(Actor.staff("arts"), new Review(true, LegalGround.WEIGHTY_INTEREST,
					Scope.WHOLE_RECORD, null, "Geen bezwaar.", Capacity.TREATING_PHYSICIAN), NOW));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> request.decide(Actor.staff("arts"), new Review(false, LegalGround.NO_EXCEPTION,
					Scope.WHOLE_RECORD, null, "Tegenstrijdig.", Capacity.TREATING_PHYSICIAN), NOW));
		request.decide(Actor.staff("arts"), new Review(false, LegalGround.IMPORTANT_TO_ANOTHER, Scope.WHOLE_RECORD,
				null, "Het dossier bevat erfelijkheidsgegevens die de broer nodig heeft.", Capacity.TREATING_PHYSICIAN),
				NOW);
		assertThat(request.status()).isEqualTo(RequestStatus.REJECTED);
		// A deceased patient's request takes no destruction ground.
		Request copy = Filings.file(Filings.nextOfKin(), 9).request();
		copy.claim(Actor.staff(DESK), NOW);
		copy.verifyIdentity(Actor.staff(DESK), NOW);
		copy.forwardToPhysician(Actor.staff(DESK), NOW);
		assertThatIllegalArgumentException().isThrownBy(() -> copy.decide(Actor.staff("arts"),
				new Review(true, LegalGround.NO_EXCEPTION, Scope.WHOLE_RECORD, null, "x", Capacity.TREATING_PHYSICIAN),
				NOW));
	}

	@Test
	void onceForwardedOnlyThePhysicianDecidesAndTheDeskForwardsOnlyWhatAPhysicianDecides() {
		Request destruction = filed(RequestType.DESTRUCTION);
		destruction.claim(Actor.staff(DESK), NOW);
		destruction.verifyIdentity(Actor.staff(DESK), NOW);
		assertThat(destruction.deskMayReject()).isTrue();
		destruction.forwardToPhysician(Actor.staff(DESK), NOW);
		assertThat(destruction.deskMayReject()).isFalse();
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> destruction.reject(Actor.staff(DESK), "Liever niet", NOW));

		Request correction = filed(RequestType.CORRECTION);
		correction.claim(Actor.staff(DESK), NOW);
		correction.verifyIdentity(Actor.staff(DESK), NOW);
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> correction.forwardToPhysician(Actor.staff(DESK), NOW));
		correction.reject(Actor.staff(DESK), "Het gaat om een oordeel van de arts, geen feitelijk gegeven.", NOW);
		assertThat(correction.status()).isEqualTo(RequestStatus.REJECTED);
	}

	@Test
	void aGrantedDestructionIsCarriedOutByTheDesk() {
		Request request = filed(RequestType.DESTRUCTION);
		request.claim(Actor.staff(DESK), NOW);
		request.verifyIdentity(Actor.staff(DESK), NOW);
		request.forwardToPhysician(Actor.staff(DESK), NOW);
		request.decide(Actor.staff("arts"), new Review(true, LegalGround.NO_EXCEPTION, Scope.LISTED_PARTS,
				"Dermatologie 2015", "Geen belang van anderen, geen bewaarplicht.", Capacity.TREATING_PHYSICIAN), NOW);
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> request.recordPreparation(Actor.staff(DESK), "Alles", NOW));
		request.complete(Actor.staff(DESK), "Dermatologie 2015 vernietigd op 2 februari.", NOW.plusSeconds(60));
		assertThat(request.status()).isEqualTo(RequestStatus.COMPLETED);
		assertThat(request.status().isOpen()).isFalse();
		assertThat(request.closedAt()).isNotNull();
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> request.complete(Actor.staff(DESK), "Nogmaals", NOW.plusSeconds(120)));
	}

	@Test
	void anAdditionIsCompletedWithWhatWasDone() {
		Request request = approved(RequestType.ADDITION);
		assertThatIllegalArgumentException().isThrownBy(() -> request.complete(Actor.staff(DESK), " ", NOW));
		request.complete(Actor.staff(DESK), "Toegevoegd aan het dossier cardiologie.", NOW);
		assertThat(request.completionNote()).isEqualTo("Toegevoegd aan het dossier cardiologie.");
		assertThat(request.history()).extracting(RequestEvent::type).endsWith(RequestEvent.Type.COMPLETED);
	}

	@Test
	void anAccessLogOverviewIsHandedOverLikeACopy() {
		Request request = approved(RequestType.ACCESS_LOG_OVERVIEW);
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> request.complete(Actor.staff(DESK), "x", NOW));
		request.recordPreparation(Actor.staff(DESK), "Overzicht 2024-2026", NOW);
		request.markReady(Actor.staff(DESK), NOW);
		request.markDelivered(Actor.staff(DESK), true, false, false, NOW);
		assertThat(request.status()).isEqualTo(RequestStatus.DELIVERED);
	}

	@Test
	void anExplanationIsCompletedAfterItsConversation() {
		Request request = approved(RequestType.EXPLANATION);
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> request.complete(Actor.staff(DESK), "Besproken", NOW));
		assertThatIllegalArgumentException().isThrownBy(() -> request.scheduleAppointment(Actor.staff(DESK),
				NOW.minus(Duration.ofDays(1)), "Polikliniek", NOW, ZONE));
		request.scheduleAppointment(Actor.staff(DESK), NOW.plus(Duration.ofDays(7)), "Polikliniek cardiologie", NOW,
				ZONE);
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> request.complete(Actor.staff(DESK), "Besproken", NOW.plus(Duration.ofDays(1))));
		request.complete(Actor.staff(DESK), "Uitslag MRI besproken met dr. De Wit.", NOW.plus(Duration.ofDays(8)));
		assertThat(request.status()).isEqualTo(RequestStatus.COMPLETED);
		assertThat(request.history()).extracting(RequestEvent::type)
			.contains(RequestEvent.Type.APPOINTMENT_SCHEDULED, RequestEvent.Type.COMPLETED);
		assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> approved(RequestType.ADDITION)
			.scheduleAppointment(Actor.staff(DESK), NOW.plus(Duration.ofDays(7)), "Poli", NOW, ZONE));
	}

}
