package nl.recordsdesk.requests;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Who handles a request, and that only they act on it. */
class AssignmentTests {

	@Test
	void anyoneClaimsWhatNobodyHandlesAndOnlyTheHandlerActs() {
		Assignment claimed = Assignment.NOBODY.claimedBy("balie");

		assertThat(claimed.handler()).isEqualTo("balie");
		claimed.requireHandler("balie");
		assertThatExceptionOfType(NotTheHandlerException.class).isThrownBy(() -> claimed.requireHandler("collega"))
			.satisfies((ex) -> assertThat(ex.handler()).isEqualTo("balie"));
		assertThatExceptionOfType(NotTheHandlerException.class).isThrownBy(() -> claimed.claimedBy("collega"));
	}

	@Test
	void aColleagueTakesOverOnlyFromSomeoneElse() {
		Assignment claimed = Assignment.to("balie");

		assertThat(claimed.takenOverBy("collega").handler()).isEqualTo("collega");
		assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> claimed.takenOverBy("balie"))
			.withMessageContaining("already yours");
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> Assignment.NOBODY.takenOverBy("collega"))
			.withMessageContaining("claim it");
	}

	@Test
	void onlyTheHandlerHandsOverAndToSomeoneElse() {
		Assignment claimed = Assignment.to("balie");

		assertThat(claimed.handedOver("balie", "collega").handler()).isEqualTo("collega");
		assertThatIllegalArgumentException().isThrownBy(() -> claimed.handedOver("balie", "balie"));
		assertThatExceptionOfType(NotTheHandlerException.class)
			.isThrownBy(() -> claimed.handedOver("collega", "derde"));
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> Assignment.NOBODY.handedOver("balie", "collega"))
			.withMessageContaining("Claim the request first");
	}

}
