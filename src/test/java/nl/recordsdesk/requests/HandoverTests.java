package nl.recordsdesk.requests;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** How the copy reaches the requester: download until expiry, ID and fee at a desk. */
class HandoverTests {

	private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

	@Test
	void preparationSaysWhichPartsWereCopied() {
		assertThat(Handover.NONE.prepared("Cardiologie 2024").preparedParts()).isEqualTo("Cardiologie 2024");
		assertThatIllegalArgumentException().isThrownBy(() -> Handover.NONE.prepared(" "));
	}

	@Test
	void aCopyPutUpIsDownloadableUntilItsLinkExpires() {
		UploadedFile copy = new UploadedFile(UUID.randomUUID(), "kopie.pdf", "application/pdf", 1024, "00");
		Handover putUp = Handover.NONE.prepared("Alles").putUp(copy, NOW.plusSeconds(60));

		assertThat(putUp.copyFileName()).isEqualTo("kopie.pdf");
		assertThat(putUp.downloadOpen(NOW)).isTrue();
		assertThat(putUp.downloadOpen(NOW.plusSeconds(60))).isFalse();
		assertThat(Handover.NONE.downloadOpen(NOW)).isFalse();
	}

	@Test
	void aNewLinkIsOnlyForACopyPutUpAndWorksFromNowOn() {
		UploadedFile copy = new UploadedFile(UUID.randomUUID(), "kopie.pdf", "application/pdf", 1024, "00");
		Handover expired = Handover.NONE.prepared("Alles").putUp(copy, NOW.minusSeconds(60));
		assertThat(expired.downloadExpired(NOW)).isTrue();

		Handover renewed = expired.linkRenewed(NOW.plusSeconds(3600), NOW);
		assertThat(renewed.downloadOpen(NOW)).isTrue();
		assertThat(renewed.downloadExpired(NOW)).isFalse();
		assertThat(renewed.copyFileId()).isEqualTo(copy.fileId());

		assertThatIllegalArgumentException()
			.isThrownBy(() -> Handover.NONE.prepared("Alles").linkRenewed(NOW.plusSeconds(3600), NOW));
		assertThatIllegalArgumentException().isThrownBy(() -> expired.linkRenewed(NOW, NOW));
		assertThat(Handover.NONE.downloadExpired(NOW)).isFalse();
	}

	@Test
	void atADeskTheIdIsCheckedAndAtRadiologyAChargedFeeIsPaid() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Handover.NONE.delivered(Delivery.PICKUP_DESK, false, false, true));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Handover.NONE.delivered(Delivery.PICKUP_RADIOLOGY, true, false, true));

		Handover dvd = Handover.NONE.delivered(Delivery.PICKUP_RADIOLOGY, true, true, true);
		assertThat(dvd.idCheckedAtPickup()).isTrue();
		assertThat(dvd.feePaid()).isTrue();
		assertThat(Handover.NONE.delivered(Delivery.PICKUP_RADIOLOGY, true, false, false).feePaid()).isFalse();
	}

	@Test
	void byPostNoIdIsCheckedAtPickup() {
		assertThat(Handover.NONE.delivered(Delivery.POST, true, false, true).idCheckedAtPickup()).isFalse();
	}

}
