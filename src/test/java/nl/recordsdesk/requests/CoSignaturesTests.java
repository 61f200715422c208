package nl.recordsdesk.requests;

import java.time.Duration;
import java.time.Instant;

import nl.recordsdesk.eligibility.ItemCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Invitations and signatures: a link works while open, once. */
class CoSignaturesTests {

	static final Instant NOW = Filings.NOW;

	static final SignedBy KIM = new SignedBy("Kim Jansen", null);

	CoSignatures parts = CoSignatures.signedByRequester(new SignedBy("Alex Jansen", null), NOW);

	CoSignInvitation invite() {
		return this.parts.invite(new CoSigner(ItemCode.SECOND_PARENT_SIGNATURE, "Kim Jansen", "kim@example.org"),
				SecretToken.generate(), NOW.plus(Request.INVITATION_VALIDITY));
	}

	@Test
	void anOpenInvitationIsSignedOnce() {
		CoSignInvitation invitation = invite();

		Signature signature = this.parts.sign(invitation, KIM, NOW);

		assertThat(signature.role()).isEqualTo(SignerRole.SECOND_PARENT);
		assertThat(this.parts.signatures()).extracting(Signature::role)
			.containsExactly(SignerRole.REQUESTER, SignerRole.SECOND_PARENT);
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> this.parts.sign(invitation, KIM, NOW));
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> this.parts.decline(invitation, "Nee", NOW));
	}

	@Test
	void anExpiredInvitationIsNeitherSignedNorDeclined() {
		CoSignInvitation invitation = invite();
		Instant late = NOW.plus(Request.INVITATION_VALIDITY).plus(Duration.ofMinutes(1));

		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> this.parts.sign(invitation, KIM, late));
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> this.parts.decline(invitation, null, late));
	}

	@Test
	void anotherRequestsInvitationIsRefused() {
		CoSignInvitation elsewhere = new CoSignatures().invite(
				new CoSigner(ItemCode.SECOND_PARENT_SIGNATURE, "Kim Jansen", "kim@example.org"), SecretToken.generate(),
				NOW.plus(Request.INVITATION_VALIDITY));

		assertThatIllegalArgumentException().isThrownBy(() -> this.parts.sign(elsewhere, KIM, NOW));
		assertThatIllegalArgumentException().isThrownBy(() -> this.parts.requireOwn(elsewhere));
	}

	@Test
	void aBlankReasonForDecliningIsNoReason() {
		CoSignInvitation invitation = invite();

		this.parts.decline(invitation, "  ", NOW);

		assertThat(invitation.status()).isEqualTo(CoSignInvitation.Status.DECLINED);
		assertThat(invitation.declineReason()).isNull();
	}

	@Test
	void invitingAgainReplacesTheLinkButNeverAsksForWhatIsSigned() {
		SecretToken first = SecretToken.generate();
		CoSignInvitation invitation = this.parts.invite(
				new CoSigner(ItemCode.SECOND_PARENT_SIGNATURE, "Kim Jansen", "kim@exampel.org"), first,
				NOW.plus(Request.INVITATION_VALIDITY));
		SecretToken second = SecretToken.generate();

		CoSignInvitation next = this.parts.inviteAgain(ItemCode.SECOND_PARENT_SIGNATURE, "kim@example.org", second,
				NOW.plus(Request.INVITATION_VALIDITY), NOW);

		assertThat(invitation.status()).isEqualTo(CoSignInvitation.Status.REVOKED);
		assertThat(this.parts.current(ItemCode.SECOND_PARENT_SIGNATURE)).contains(next);
		assertThat(next.email()).isEqualTo("kim@example.org");
		assertThat(this.parts.invitationFor(first.hash())).contains(invitation);
		assertThat(this.parts.invitationFor(second.hash())).contains(next);
		assertThatIllegalArgumentException().isThrownBy(() -> this.parts.inviteAgain(ItemCode.PATIENT_CONSENT,
				"sam@example.org", SecretToken.generate(), NOW.plus(Request.INVITATION_VALIDITY), NOW));

		this.parts.sign(next, KIM, NOW);
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> this.parts.inviteAgain(ItemCode.SECOND_PARENT_SIGNATURE, "kim@example.org",
					SecretToken.generate(), NOW.plus(Request.INVITATION_VALIDITY), NOW))
			.withMessageContaining("signed already");
	}

	@Test
	void closingStopsEveryOpenLinkAndLeavesTheSignedOnes() {
		CoSignInvitation signed = invite();
		this.parts.sign(signed, KIM, NOW);
		CoSignInvitation open = this.parts.invite(
				new CoSigner(ItemCode.PATIENT_CONSENT, "Sam Jansen", "sam@example.org"), SecretToken.generate(),
				NOW.plus(Request.INVITATION_VALIDITY));

		this.parts.closeOpen(NOW);

		assertThat(open.open(NOW)).isFalse();
		assertThat(signed.status()).isEqualTo(CoSignInvitation.Status.SIGNED);
	}

}
