package nl.recordsdesk.requests;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.recordsdesk.eligibility.ItemCode;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import org.junit.jupiter.api.Test;

import static nl.recordsdesk.requests.Filings.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A copy for secure download: the requester's first download is its delivery, and the
 * desk gives a new link (the old one stops working) rather than marking it delivered.
 */
class SecureDownloadTests {

	static final String DESK = "balie";

	static Request putUp(Duration validFor) {
		NewRequest form = Filings.form(RequestType.RECORD_COPY, LocalDate.of(1980, 4, 4), false, Relation.SELF, null,
				false, Map.of(ItemCode.REQUESTER_ID, Filings.file("id.pdf")), List.of(), null);
		NewRequest download = new NewRequest(form.submissionKey(), form.statusToken(), form.language(), form.type(),
				form.scope(), form.studies(), form.studiesBefore2005(), form.patient(), form.ivfTreatment(),
				form.requester(), form.details(), form.motivation(), form.documents(), form.coSigners(),
				Delivery.SECURE_DOWNLOAD, form.signature());
		Request request = Filings.file(download, 21).request();
		request.claim(Actor.staff(DESK), NOW);
		request.verifyIdentity(Actor.staff(DESK), NOW);
		request.approve(Actor.staff(DESK), NOW);
		request.recordPreparation(Actor.staff(DESK), "Het hele dossier", NOW);
		request.markReadyForDownload(Actor.staff(DESK), Filings.file("kopie.pdf"), NOW.plus(validFor), NOW);
		return request;
	}

	@Test
	void theDeskDoesNotMarkADownloadDelivered() {
		Request request = putUp(Duration.ofDays(14));
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> request.markDelivered(Actor.staff(DESK), true, false, false, NOW));
		assertThat(request.status()).isEqualTo(RequestStatus.READY);
	}

	@Test
	void theFirstDownloadIsTheDeliveryAndALaterOneChangesNothing() {
		Request request = putUp(Duration.ofDays(14));
		request.download(NOW.plusSeconds(60));
		assertThat(request.status()).isEqualTo(RequestStatus.DELIVERED);
		assertThat(request.closure().closedAt()).isEqualTo(NOW.plusSeconds(60));

		request.download(NOW.plusSeconds(120));
		assertThat(request.status()).isEqualTo(RequestStatus.DELIVERED);
		assertThat(request.closure().closedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(request.history().stream().filter((e) -> e.type() == RequestEvent.Type.DOWNLOADED)).hasSize(2);
	}

	@Test
	void anExpiredLinkIsRenewedByTheHandlerWithANewToken() {
		Request request = putUp(Duration.ofDays(1));
		java.time.Instant later = NOW.plus(Duration.ofDays(2));
		assertThat(request.downloadExpired(later)).isTrue();
		assertThat(request.downloadable(later)).isFalse();

		SecretToken link = SecretToken.generate();
		assertThatExceptionOfType(NotTheHandlerException.class).isThrownBy(
				() -> request.renewDownloadLink(Actor.staff("collega"), link, later.plus(Duration.ofDays(14)), later));

		request.renewDownloadLink(Actor.staff(DESK), link, later.plus(Duration.ofDays(14)), later);
		assertThat(request.downloadable(later)).isTrue();
		assertThat(request.status()).isEqualTo(RequestStatus.READY);
		assertThat(request.history().get(request.history().size() - 1).type())
			.isEqualTo(RequestEvent.Type.DOWNLOAD_LINK_RENEWED);
	}

	@Test
	void onlyACopyPutUpForDownloadGetsANewLink() {
		Request atTheDesk = ExclusiveClaimTests.ready();
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> atTheDesk.renewDownloadLink(Actor.staff(ExclusiveClaimTests.HANDLER),
					SecretToken.generate(), NOW.plusSeconds(60), NOW));
		Request prepared = ExclusiveClaimTests.prepared();
		assertThatExceptionOfType(IllegalTransitionException.class)
			.isThrownBy(() -> prepared.renewDownloadLink(Actor.staff(ExclusiveClaimTests.HANDLER),
					SecretToken.generate(), NOW.plusSeconds(60), NOW));
	}

}
