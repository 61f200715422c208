package nl.recordsdesk.requests;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The desk's check of identity and documents. */
class VerificationTests {

	@Test
	void aDecisionNeedsTheCheckWithWhoAndWhen() {
		Instant at = Instant.parse("2026-03-02T09:15:00Z");
		Verification verified = Verification.by("balie", at);

		verified.require();
		assertThat(verified.verifiedBy()).isEqualTo("balie");
		assertThat(verified.verifiedAt()).isEqualTo(at);
		assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(Verification.NONE::require)
			.withMessageContaining("Verify identity");
	}

}
