package nl.recordsdesk.requests;

import java.time.Duration;
import java.time.Instant;

import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.ReviewDecision.Capacity;
import nl.recordsdesk.requests.ReviewDecision.LegalGround;
import nl.recordsdesk.requests.ReviewDecision.Review;
import nl.recordsdesk.requests.ReviewDecision.Scope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The physicians' decisions: each fits its request, the latest is in force. */
class ReviewDecisionsTests {

	static final Instant NOW = Filings.NOW;

	static final Review REFUSE = new Review(false, LegalGround.WEIGHTY_INTEREST, Scope.WHOLE_RECORD, null,
			"Het belang is niet aannemelijk gemaakt.", Capacity.TREATING_PHYSICIAN);

	ReviewDecisions decisions = ReviewDecisions.none();

	@Test
	void aLaterDecisionSupersedesAndBothStay() {
		assertThat(this.decisions.any()).isFalse();
		assertThat(this.decisions.latest()).isEmpty();

		this.decisions.decide(RequestType.RECORD_COPY, REFUSE, "dr-vos", NOW);
		assertThat(this.decisions.refused()).isTrue();
		ReviewDecision grant = this.decisions.decide(RequestType.RECORD_COPY, BackOfficeTests.GRANT, "dr-vos",
				NOW.plus(Duration.ofDays(1)));

		assertThat(this.decisions.latest()).contains(grant);
		assertThat(this.decisions.refused()).isFalse();
		assertThat(this.decisions.all()).hasSize(2);
	}

	@Test
	void aGroundThatDoesNotFitTheRequestIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.decisions.decide(RequestType.DESTRUCTION, BackOfficeTests.GRANT, "dr-vos", NOW));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.decisions.decide(RequestType.RECORD_COPY, new Review(true, LegalGround.NO_EXCEPTION,
					Scope.WHOLE_RECORD, null, "Geen uitzondering.", Capacity.TREATING_PHYSICIAN), "dr-vos", NOW));
		assertThat(this.decisions.any()).isFalse();
	}

	@Test
	void aRecordIsDestroyedWholeOrInListedParts() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.decisions.decide(RequestType.DESTRUCTION,
					new Review(true, LegalGround.NO_EXCEPTION, Scope.THROUGH_INDEPENDENT_PHYSICIAN, null,
							"Geen uitzondering.", Capacity.TREATING_PHYSICIAN),
					"dr-vos", NOW))
			.withMessageContaining("whole or in listed parts");
	}

}
