package nl.recordsdesk.requests;

import nl.recordsdesk.requests.ReviewDecision.Capacity;
import nl.recordsdesk.requests.ReviewDecision.LegalGround;
import nl.recordsdesk.requests.ReviewDecision.Review;
import nl.recordsdesk.requests.ReviewDecision.Scope;
import org.junit.jupiter.api.Test;

import static nl.recordsdesk.requests.Filings.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The physician's part of the aggregate: a request is with a physician only once the desk
 * forwarded it, a refusal closes it, and only reconsidering reopens it.
 */
class ReconsiderationTests {

	static final Review GRANT = new Review(true, LegalGround.WEIGHTY_INTEREST, Scope.WHOLE_RECORD, null,
			"Erfelijke aandoening aannemelijk gemaakt.", Capacity.TREATING_PHYSICIAN);

	static final Review REFUSE = new Review(false, LegalGround.WEIGHTY_INTEREST, Scope.WHOLE_RECORD, null,
			"Belang niet aannemelijk gemaakt.", Capacity.TREATING_PHYSICIAN);

	static Request forwarded() {
		Request request = Filings.file(Filings.nextOfKin(), 21).request();
		assertThat(request.withPhysician()).isFalse();
		request.claim(Actor.staff("balie"), NOW);
		request.verifyIdentity(Actor.staff("balie"), NOW);
		assertThat(request.withPhysician()).isFalse();
		request.forwardToPhysician(Actor.staff("balie"), NOW);
		assertThat(request.withPhysician()).isTrue();
		return request;
	}

	@Test
	void aRefusalClosesTheRequestAndALaterDecisionOnItIsRefused() {
		Request request = forwarded();
		request.decide(Actor.staff("arts"), REFUSE, NOW);
		assertThat(request.status()).isEqualTo(RequestStatus.REJECTED);
		assertThat(request.closure().closed()).isTrue();
		assertThat(request.withPhysician()).isTrue();

		assertThatExceptionOfType(RequestClosedException.class)
			.isThrownBy(() -> request.decide(Actor.staff("collega"), GRANT, NOW.plusSeconds(60)));
		assertThat(request.status()).isEqualTo(RequestStatus.REJECTED);
		assertThat(request.decisions()).hasSize(1);
	}

	@Test
	void reconsideringReopensForANewDecisionAndKeepsTheReason() {
		Request request = forwarded();
		request.decide(Actor.staff("arts"), REFUSE, NOW);
		assertThat(request.mayBeReconsidered()).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> request.reconsider(Actor.staff("collega"), " ", NOW));

		request.reconsider(Actor.staff("collega"), "Nieuwe verklaring van de huisarts.", NOW.plusSeconds(60));

		assertThat(request.status()).isEqualTo(RequestStatus.PHYSICIAN_REVIEW);
		assertThat(request.closure().closed()).isFalse();
		assertThat(request.history()).last().satisfies((event) -> {
			assertThat(event.type()).isEqualTo(RequestEvent.Type.RECONSIDERED);
			assertThat(event.detail()).isEqualTo("Nieuwe verklaring van de huisarts.");
		});
		request.decide(Actor.staff("collega"), GRANT, NOW.plusSeconds(120));
		assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
		assertThat(request.decisions()).hasSize(2);
	}

	@Test
	void onlyAPhysiciansRefusalIsReconsidered() {
		Request granted = forwarded();
		granted.decide(Actor.staff("arts"), GRANT, NOW);
		assertThat(granted.mayBeReconsidered()).isFalse();
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> granted.reconsider(Actor.staff("arts"), "Toch niet.", NOW));

		Request byTheDesk = Filings.file(Filings.nextOfKin(), 22).request();
		byTheDesk.claim(Actor.staff("balie"), NOW);
		byTheDesk.reject(Actor.staff("balie"), "Geen bewijs van verwantschap.", NOW);
		assertThat(byTheDesk.withPhysician()).isFalse();
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> byTheDesk.reconsider(Actor.staff("arts"), "Toch wel.", NOW));
	}

}
