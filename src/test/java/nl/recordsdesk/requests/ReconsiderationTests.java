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
		request.claim("balie", NOW);
		request.verifyIdentity("balie", NOW);
		assertThat(request.withPhysician()).isFalse();
		request.forwardToPhysician("balie", NOW);
		assertThat(request.withPhysician()).isTrue();
		return request;
	}

	@Test
	void aRefusalClosesTheRequestAndALaterDecisionOnItIsRefused() {
		Request request = forwarded();
		request.decide("arts", REFUSE, NOW);
		assertThat(request.status()).isEqualTo(RequestStatus.REJECTED);
		assertThat(request.closure().closed()).isTrue();
		assertThat(request.withPhysician()).isTrue();

		assertThatExceptionOfType(RequestClosedException.class)
			.isThrownBy(() -> request.decide("collega", GRANT, NOW.plusSeconds(60)));
		assertThat(request.status()).isEqualTo(RequestStatus.REJECTED);
		assertThat(request.decisions()).hasSize(1);
	}

	@Test
	void reconsideringReopensForANewDecisionAndKeepsTheReason() {
		Request request = forwarded();
		request.decide("arts", REFUSE, NOW);
		assertThat(request.mayBeReconsidered()).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> request.reconsider("collega", " ", NOW));

		request.reconsider("collega", "Nieuwe verklaring van de huisarts.", NOW.plusSeconds(60));

		assertThat(request.status()).isEqualTo(RequestStatus.PHYSICIAN_REVIEW);
		assertThat(request.closure().closed()).isFalse();
		assertThat(request.history()).last().satisfies((event) -> {
			assertThat(event.type()).isEqualTo(RequestEvent.Type.RECONSIDERED);
			assertThat(event.detail()).isEqualTo("Nieuwe verklaring van de huisarts.");
		});
		request.decide("collega", GRANT, NOW.plusSeconds(120));
		assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
		assertThat(request.decisions()).hasSize(2);
	}

	@Test
	void onlyAPhysiciansRefusalIsReconsidered() {
		Request granted = forwarded();
		granted.decide("arts", GRANT, NOW);
		assertThat(granted.mayBeReconsidered()).isFalse();
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> granted.reconsider("arts", "Toch niet.", NOW));

		Request byTheDesk = Filings.file(Filings.nextOfKin(), 22).request();
		byTheDesk.claim("balie", NOW);
		byTheDesk.reject("balie", "Geen bewijs van verwantschap.", NOW);
		assertThat(byTheDesk.withPhysician()).isFalse();
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> byTheDesk.reconsider("arts", "Toch wel.", NOW));
	}

}
