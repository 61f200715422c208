package nl.recordsdesk.requests;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.Outcome;
import nl.recordsdesk.eligibility.ParentalAuthority;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.RequestEvents.CoSignatureDeclined;
import nl.recordsdesk.requests.RequestEvents.CoSignerInvited;
import nl.recordsdesk.requests.RequestEvents.RequestFiled;
import nl.recordsdesk.requests.RequestEvents.RequestSubmitted;
import org.junit.jupiter.api.Test;

import static nl.recordsdesk.requests.Filings.NOW;
import static nl.recordsdesk.requests.Filings.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The request's life from filing to co-signing and withdrawal, without a database. */
class RequestTests {

	static final SignedBy KIM = new SignedBy("Kim Jansen", null);

	@Test
	void aCompleteRequestJoinsTheQueueWithADueDateOneCalendarMonthOn() {
		Request request = Filings.file(Filings.adultSelf(), 42).request();
		assertThat(request.reference()).isEqualTo("RD-2026-000042");
		assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
		// Filed on 31 January: a calendar month later is the end of February, not 2
		// March.
		assertThat(request.dueDate()).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(request.missingItems()).isEmpty();
		assertThat(request.history()).extracting(RequestEvent::type).containsExactly(RequestEvent.Type.FILED);
		assertThat(request.pendingEvents()).hasAtLeastOneElementOfType(RequestSubmitted.class);
	}

	@Test
	void coSignaturesKeepItWaitingUntilTheLastOneSigns() {
		Request.Filing filing = Filings.file(Filings.jointParentOfTeen(), 1);
		Request request = filing.request();
		assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_SIGNATURES);
		assertThat(request.dueDate()).isNull();
		assertThat(filing.invitationLinks()).hasSize(2);
		assertThat(request.missingItems()).extracting(RequiredItem::code)
			.containsExactly(ItemCode.SECOND_PARENT_SIGNATURE, ItemCode.SECOND_PARENT_ID, ItemCode.PATIENT_CONSENT);

		CoSignInvitation parent = invitation(filing, ItemCode.SECOND_PARENT_SIGNATURE);
		CoSignInvitation child = invitation(filing, ItemCode.PATIENT_CONSENT);
		request.coSign(parent, KIM, Filings.file("kim-id.png"), NOW.plusSeconds(60), ZONE);
		assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_SIGNATURES);
		assertThat(parent.status()).isEqualTo(CoSignInvitation.Status.SIGNED);

		request.coSign(child, new SignedBy("Sam Jansen", new byte[] { 1 }), null, NOW.plus(Duration.ofDays(2)), ZONE);
		assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
		assertThat(request.dueDate()).isEqualTo(LocalDate.of(2026, 3, 2));
		assertThat(request.missingItems()).isEmpty();
		assertThat(request.signatures()).extracting(Signature::method)
			.containsExactly(Signature.Method.TYPED, Signature.Method.TYPED, Signature.Method.DRAWN);
		assertThat(request.history()).extracting(RequestEvent::type)
			.containsExactly(RequestEvent.Type.FILED, RequestEvent.Type.CO_SIGNED, RequestEvent.Type.CO_SIGNED,
					RequestEvent.Type.SUBMITTED);
	}

	/**
	 * The filing's events carry what the mails say: the acknowledgement with the status
	 * link's token, one invitation per co-signer with their own token; the last
	 * co-signature's submission says it came after them (the "complete" mail).
	 */
	@Test
	void aFilingRegistersTheEventsItsMailsNeed() {
		NewRequest form = Filings.jointParentOfTeen();
		Request.Filing filing = Filings.file(form, 7);
		Request request = filing.request();
		assertThat(request.pendingEvents()).filteredOn(RequestFiled.class::isInstance)
			.singleElement()
			.isInstanceOfSatisfying(RequestFiled.class, (filed) -> {
				assertThat(filed.statusToken()).isEqualTo(form.statusToken());
				assertThat(filed.awaitingSignatures()).isTrue();
				assertThat(filed.coSigners()).containsExactly("Kim Jansen", "Sam Jansen");
				assertThat(filed.requester().email()).isEqualTo("alex@example.org");
			});
		assertThat(request.pendingEvents()).filteredOn(CoSignerInvited.class::isInstance)
			.extracting((event) -> ((CoSignerInvited) event).token())
			.containsExactlyInAnyOrderElementsOf(filing.invitationLinks().values());
		assertThat(request.pendingEvents()).noneMatch(RequestSubmitted.class::isInstance);

		request.coSign(invitation(filing, ItemCode.SECOND_PARENT_SIGNATURE), KIM, Filings.file("kim-id.png"), NOW,
				ZONE);
		request.coSign(invitation(filing, ItemCode.PATIENT_CONSENT), new SignedBy("Sam Jansen", null), null, NOW, ZONE);
		assertThat(request.pendingEvents()).filteredOn(RequestSubmitted.class::isInstance)
			.singleElement()
			.isInstanceOfSatisfying(RequestSubmitted.class,
					(submitted) -> assertThat(submitted.afterCoSignatures()).isTrue());
	}

	@Test
	void theSecondParentMustSendAnId() {
		Request.Filing filing = Filings.file(Filings.jointParentOfTeen(), 1);
		assertThatIllegalArgumentException().isThrownBy(() -> filing.request()
			.coSign(invitation(filing, ItemCode.SECOND_PARENT_SIGNATURE), KIM, null, NOW, ZONE));
	}

	@Test
	void aLinkWorksOnceAndNotAfterThirtyDays() {
		Request.Filing filing = Filings.file(Filings.jointParentOfTeen(), 1);
		Request request = filing.request();
		CoSignInvitation parent = invitation(filing, ItemCode.SECOND_PARENT_SIGNATURE);
		CoSignInvitation child = invitation(filing, ItemCode.PATIENT_CONSENT);
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> request.coSign(child, KIM, null, NOW.plus(Duration.ofDays(30)), ZONE));
		request.coSign(parent, KIM, Filings.file("id.png"), NOW, ZONE);
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> request.coSign(parent, KIM, Filings.file("id.png"), NOW, ZONE));
	}

	@Test
	void aDeclineIsRecordedAndTheRequestWaits() {
		Request.Filing filing = Filings.file(Filings.jointParentOfTeen(), 1);
		Request request = filing.request();
		CoSignInvitation parent = invitation(filing, ItemCode.SECOND_PARENT_SIGNATURE);
		request.declineCoSignature(parent, "  ", NOW);
		assertThat(parent.status()).isEqualTo(CoSignInvitation.Status.DECLINED);
		assertThat(parent.declineReason()).isNull();
		assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_SIGNATURES);
		assertThat(request.pendingEvents()).hasAtLeastOneElementOfType(CoSignatureDeclined.class);
	}

	@Test
	void aDeclinedCoSignerIsInvitedAgainWithANewLinkAndTheOldOneStopsWorking() {
		Request.Filing filing = Filings.file(Filings.jointParentOfTeen(), 1);
		Request request = filing.request();
		CoSignInvitation first = invitation(filing, ItemCode.SECOND_PARENT_SIGNATURE);
		request.declineCoSignature(first, "Niet mee eens", NOW);

		SecretToken link = SecretToken.generate();
		CoSignInvitation again = request.inviteCoSignerAgain(ItemCode.SECOND_PARENT_SIGNATURE, "kim@elders.example",
				link, NOW.plusSeconds(60));
		assertThat(first.status()).isEqualTo(CoSignInvitation.Status.REVOKED);
		assertThat(first.declineReason()).isEqualTo("Niet mee eens");
		assertThat(again.open(NOW.plusSeconds(60))).isTrue();
		assertThat(again.email()).isEqualTo("kim@elders.example");
		assertThat(again.name()).isEqualTo(first.name());
		// The new link lasts as long as the request waits, as the first did.
		assertThat(again.expiresAt()).isEqualTo(first.expiresAt());
		assertThat(request.currentInvitation(ItemCode.SECOND_PARENT_SIGNATURE)).contains(again);
		assertThat(request.invitationFor(link.hash())).contains(again);
		assertThat(request.history()).extracting(RequestEvent::type)
			.endsWith(RequestEvent.Type.CO_SIGNATURE_DECLINED, RequestEvent.Type.CO_SIGNER_INVITED_AGAIN);
		assertThat(request.history().get(request.history().size() - 1).actor()).isEqualTo("REQUESTER");

		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> request.coSign(first, KIM, Filings.file("kim-id.png"), NOW.plusSeconds(90), ZONE));
		request.coSign(again, KIM, Filings.file("kim-id.png"), NOW.plusSeconds(120), ZONE);
		assertThat(again.status()).isEqualTo(CoSignInvitation.Status.SIGNED);
		assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> request
			.inviteCoSignerAgain(ItemCode.SECOND_PARENT_SIGNATURE, "kim@example.org", SecretToken.generate(), NOW));
	}

	@Test
	void withdrawingClosesTheRequestAndItsLinks() {
		Request.Filing filing = Filings.file(Filings.jointParentOfTeen(), 1);
		Request request = filing.request();
		request.withdraw(NOW);
		assertThat(request.status()).isEqualTo(RequestStatus.WITHDRAWN);
		assertThat(request.closedAt()).isEqualTo(NOW);
		assertThat(request.invitations()).allMatch((invitation) -> !invitation.open(NOW));
		assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> request.withdraw(NOW));
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> request.coSign(invitation(filing, ItemCode.PATIENT_CONSENT), KIM, null, NOW, ZONE));
	}

	@Test
	void aDeceasedPatientsRequestCarriesTheWrittenMotivationAndGoesToAPhysician() {
		Request request = Filings.file(Filings.nextOfKin(), 7).request();
		assertThat(request.outcome()).isEqualTo(Outcome.PHYSICIAN_REVIEW);
		assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
		assertThat(request.motivation()).isEqualTo("Erfelijke aandoening in de familie.");
		assertThat(request.items()).extracting(RequiredItem::satisfiedBy).contains("TEXT");
	}

	@Test
	void nothingIsFiledForSomeoneTheRulesRefuse() {
		NewRequest form = Filings.form(RequestType.RECORD_COPY, LocalDate.of(2015, 1, 1), false, Relation.PARENT,
				ParentalAuthority.NONE, false, Map.of(ItemCode.REQUESTER_ID, Filings.file("id.pdf")), List.of(), null);
		assertThatIllegalArgumentException().isThrownBy(() -> Filings.file(form, 1));
	}

	@Test
	void aRequiredDocumentCannotBeLeftOut() {
		NewRequest form = Filings.form(RequestType.RECORD_COPY, LocalDate.of(1980, 1, 1), false, Relation.SELF, null,
				false, Map.of(), List.of(), null);
		assertThatIllegalArgumentException().isThrownBy(() -> Filings.file(form, 1));
	}

	static CoSignInvitation invitation(Request.Filing filing, ItemCode item) {
		return filing.invitationLinks().keySet().stream().filter((i) -> i.item() == item).findFirst().orElseThrow();
	}

}
