package nl.recordsdesk.requests;

import java.time.Duration;
import java.time.LocalDate;

import nl.recordsdesk.eligibility.ItemCode;
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

/** The desk's and the physician's steps: each guarded, each in the history. */
class BackOfficeTests {

	static final String DESK = "balie";

	static final Review GRANT = new Review(true, LegalGround.WEIGHTY_INTEREST, Scope.WHOLE_RECORD, null,
			"Erfelijke hartziekte: het belang van de dochter weegt zwaarder.", Capacity.TREATING_PHYSICIAN);

	Request adult() {
		return Filings.file(Filings.adultSelf(), 1).request();
	}

	@Test
	void fromClaimToDelivery() {
		Request request = adult();
		request.claim(Actor.staff(DESK), NOW);
		assertThat(request.status()).isEqualTo(RequestStatus.IN_REVIEW);
		assertThat(request.assignedTo()).isEqualTo(DESK);
		request.verifyIdentity(Actor.staff(DESK), NOW);
		request.approve(Actor.staff(DESK), NOW);
		request.recordPreparation(Actor.staff(DESK), "Brieven cardiologie 2020-2024", NOW);
		request.markReady(Actor.staff(DESK), NOW);
		request.markDelivered(Actor.staff(DESK), true, false, false, NOW);
		assertThat(request.status()).isEqualTo(RequestStatus.DELIVERED);
		assertThat(request.idCheckedAtPickup()).isTrue();
		assertThat(request.closedAt()).isEqualTo(NOW);
		assertThat(request.history()).extracting(RequestEvent::type)
			.containsExactly(RequestEvent.Type.FILED, RequestEvent.Type.CLAIMED, RequestEvent.Type.IDENTITY_VERIFIED,
					RequestEvent.Type.APPROVED, RequestEvent.Type.PREPARED, RequestEvent.Type.READY,
					RequestEvent.Type.DELIVERED);
	}

	@Test
	void aComposedCopysPartsStayInTheHistoryUntilItIsPreparedAgainByHand() {
		Request request = adult();
		request.claim(Actor.staff(DESK), NOW);
		request.verifyIdentity(Actor.staff(DESK), NOW);
		request.approve(Actor.staff(DESK), NOW);
		assertThat(request.copyContents().isEmpty()).isTrue();
		CopyContents contents = new CopyContents(
				java.util.List.of(CopyContents.Part.document("Ontslagbrief\tcardiologie", LocalDate.of(2025, 3, 4)),
						CopyContents.Part.study(null, "CT", "Thorax")));
		request.recordPreparation(Actor.staff(DESK), "Samengesteld uit het EPD en het PACS", contents, NOW);
		assertThat(request.history()).extracting(RequestEvent::type)
			.endsWith(RequestEvent.Type.PREPARED, RequestEvent.Type.COPY_CONTENTS);
		assertThat(request.copyContents().parts()).containsExactly(
				new CopyContents.Part(CopyContents.Kind.DOCUMENT, LocalDate.of(2025, 3, 4), "Ontslagbrief cardiologie"),
				new CopyContents.Part(CopyContents.Kind.STUDY, null, "CT Thorax"));
		assertThat(request.preparedParts()).isEqualTo("Samengesteld uit het EPD en het PACS");
	}

	@Test
	void nothingIsSkipped() {
		Request request = adult();
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> request.approve(Actor.staff(DESK), NOW));
		request.claim(Actor.staff(DESK), NOW);
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> request.approve(Actor.staff(DESK), NOW))
			.withMessageContaining("Verify");
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> request.verifyIdentity(Actor.staff("iemand-anders"), NOW));
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> request.markReady(Actor.staff(DESK), NOW));
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> request.claim(Actor.staff("collega"), NOW));
	}

	@Test
	void releaseAndHandOver() {
		Request request = adult();
		request.claim(Actor.staff(DESK), NOW);
		request.handOver(Actor.staff(DESK), Actor.staff("collega"), NOW);
		assertThat(request.assignedTo()).isEqualTo("collega");
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> request.release(Actor.staff(DESK), NOW));
		request.release(Actor.staff("collega"), NOW);
		assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
		assertThat(request.assignedTo()).isNull();
	}

	@Test
	void askingForANewDocumentWaitsForIt() {
		Request request = adult();
		request.claim(Actor.staff(DESK), NOW);
		request.verifyIdentity(Actor.staff(DESK), NOW);
		request.askRequester(Actor.staff(DESK), "De kopie is onleesbaar. Wilt u een nieuwe sturen?",
				ItemCode.REQUESTER_ID, NOW);
		assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_REQUESTER);
		assertThat(request.missingItems()).extracting(RequiredItem::code).containsExactly(ItemCode.REQUESTER_ID);
		assertThat(request.identityVerifiedAt()).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> request.answerQuestions("Hierbij", NOW));

		request.provideDocument(ItemCode.REQUESTER_ID, Filings.file("nieuw.png"), NOW);
		request.answerQuestions("Hierbij een betere kopie.", NOW);
		assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
		assertThat(request.assignedTo()).isEqualTo(DESK);
		assertThat(request.questions()).singleElement().satisfies((question) -> {
			assertThat(question.open()).isFalse();
			assertThat(question.answer()).isEqualTo("Hierbij een betere kopie.");
		});
		request.claim(Actor.staff(DESK), NOW);
		assertThat(request.documents()).hasSize(2);
	}

	@Test
	void aDeceasedPatientsRecordGoesThroughAPhysician() {
		Request request = Filings.file(Filings.nextOfKin(), 2).request();
		request.claim(Actor.staff(DESK), NOW);
		request.verifyIdentity(Actor.staff(DESK), NOW);
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> request.approve(Actor.staff(DESK), NOW))
			.withMessageContaining("physician");
		request.forwardToPhysician(Actor.staff(DESK), NOW);
		assertThat(request.status()).isEqualTo(RequestStatus.PHYSICIAN_REVIEW);
		request.decide(Actor.staff("arts"), GRANT, NOW);
		assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);

		// A later decision supersedes; both stay.
		Review refuse = new Review(false, LegalGround.WEIGHTY_INTEREST, Scope.WHOLE_RECORD, null,
				"Bij nader inzien wilde de patiënt dit uitdrukkelijk niet.", Capacity.DEPARTMENT_HEAD);
		request.decide(Actor.staff("afdelingshoofd"), refuse, NOW.plusSeconds(60));
		assertThat(request.status()).isEqualTo(RequestStatus.REJECTED);
		assertThat(request.decisions()).hasSize(2);
		assertThat(request.decision()).hasValueSatisfying((latest) -> assertThat(latest.granted()).isFalse());
	}

	@Test
	void aDecisionRecordsItsWeighing() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Review(true, LegalGround.WEIGHTY_INTEREST,
				Scope.WHOLE_RECORD, null, "  ", Capacity.TREATING_PHYSICIAN));
		assertThatIllegalArgumentException().isThrownBy(() -> new Review(true, LegalGround.WEIGHTY_INTEREST,
				Scope.LISTED_PARTS, null, "Afweging", Capacity.TREATING_PHYSICIAN));
	}

	@Test
	void theDeadlineIsExtendedOnceWithinTheFirstMonth() {
		Request request = adult();
		LocalDate due = request.dueDate();
		request.extendDeadline(Actor.staff(DESK), 2, "Het dossier is groot en deels op papier.", NOW, ZONE);
		assertThat(request.dueDate()).isEqualTo(due.plusMonths(2));
		assertThat(request.originalDueDate()).isEqualTo(due);
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> request.extendDeadline(Actor.staff(DESK), 1, "Nog eens", NOW, ZONE));

		Request late = adult();
		assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(
				() -> late.extendDeadline(Actor.staff(DESK), 1, "Te laat", NOW.plus(Duration.ofDays(40)), ZONE));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> late.extendDeadline(Actor.staff(DESK), 3, "Drie maanden", NOW, ZONE));
	}

	@Test
	void aRefusalStatesItsReasons() {
		Request request = adult();
		assertThatIllegalArgumentException().isThrownBy(() -> request.reject(Actor.staff(DESK), " ", NOW));
		request.reject(Actor.staff(DESK), "De machtiging is niet ondertekend door de patiënt.", NOW);
		assertThat(request.status()).isEqualTo(RequestStatus.REJECTED);
		assertThat(request.rejectionReason()).contains("machtiging");
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> request.reject(Actor.staff(DESK), "x", NOW));
	}

	@Test
	void aDvdIsHandedOverOnlyWithIdAndPayment() {
		Request request = Filings
			.file(Filings.form(nl.recordsdesk.eligibility.RequestType.IMAGING_COPY, LocalDate.of(1980, 1, 1), false,
					nl.recordsdesk.eligibility.Relation.SELF, null, false,
					java.util.Map.of(ItemCode.REQUESTER_ID, Filings.file("id.pdf")), java.util.List.of(), null), 3)
			.request();
		request.claim(Actor.staff(DESK), NOW);
		request.verifyIdentity(Actor.staff(DESK), NOW);
		request.approve(Actor.staff(DESK), NOW);
		request.recordPreparation(Actor.staff(DESK), "MRI knie 2024 op dvd", NOW);
		request.markReady(Actor.staff(DESK), NOW);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> request.markDelivered(Actor.staff(DESK), true, false, true, NOW))
			.withMessageContaining("fee");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> request.markDelivered(Actor.staff(DESK), false, true, true, NOW));
		request.markDelivered(Actor.staff(DESK), true, true, true, NOW);
		assertThat(request.feePaid()).isTrue();
	}

}
