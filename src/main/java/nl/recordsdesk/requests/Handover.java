package nl.recordsdesk.requests;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * How the copy reaches the requester: which parts were copied, the copy put up for a
 * secure download with the link's expiry, and at a desk the ID check and, for a DVD with
 * a fee, the payment.
 */
@Embeddable
public record Handover(@Column(name = "prepared_parts") @Nullable String preparedParts,
		@Column(name = "copy_file_id") @Nullable UUID copyFileId,
		@Column(name = "copy_file_name") @Nullable String copyFileName,
		@Column(name = "download_expires_at") @Nullable Instant downloadExpiresAt,
		@Column(name = "id_checked_at_pickup") boolean idCheckedAtPickup, @Column(name = "fee_paid") boolean feePaid) {

	public static final Handover NONE = new Handover(null, null, null, null, false, false);

	/**
	 * @throws IllegalArgumentException when it does not say which parts were copied
	 */
	Handover prepared(String parts) {
		if (parts.isBlank()) {
			throw new IllegalArgumentException("Say which parts were copied");
		}
		return new Handover(parts, this.copyFileId, this.copyFileName, this.downloadExpiresAt, this.idCheckedAtPickup,
				this.feePaid);
	}

	/** The prepared copy, downloadable until {@code expiresAt}. */
	Handover putUp(UploadedFile copy, Instant expiresAt) {
		return new Handover(this.preparedParts, copy.fileId(), copy.fileName(), expiresAt, this.idCheckedAtPickup,
				this.feePaid);
	}

	/**
	 * A new link for the copy put up, downloadable until {@code expiresAt}: the desk
	 * gives one when the link expired or went astray.
	 * @throws IllegalArgumentException when no copy was put up, or the new link would not
	 * work from now on
	 */
	Handover linkRenewed(Instant expiresAt, Instant now) {
		if (this.copyFileId == null) {
			throw new IllegalArgumentException("No copy was put up for download");
		}
		if (!expiresAt.isAfter(now)) {
			throw new IllegalArgumentException("A new link must work from now on");
		}
		return new Handover(this.preparedParts, this.copyFileId, this.copyFileName, expiresAt, this.idCheckedAtPickup,
				this.feePaid);
	}

	/** Whether a copy was put up and its link has not expired. */
	public boolean downloadOpen(Instant now) {
		return this.copyFileId != null && this.downloadExpiresAt != null && now.isBefore(this.downloadExpiresAt);
	}

	/** Whether a copy was put up and its link has expired. */
	public boolean downloadExpired(Instant now) {
		return this.copyFileId != null && this.downloadExpiresAt != null && !now.isBefore(this.downloadExpiresAt);
	}

	/**
	 * Handed over. At a desk the requester's ID was shown; at radiology a charged DVD fee
	 * was paid.
	 * @throws IllegalArgumentException when the ID was not checked at a pickup, or a
	 * charged fee was not paid
	 */
	Handover delivered(Delivery delivery, boolean idChecked, boolean paid, boolean feeCharged) {
		boolean pickup = delivery == Delivery.PICKUP_DESK || delivery == Delivery.PICKUP_RADIOLOGY;
		if (pickup && !idChecked) {
			throw new IllegalArgumentException("The ID must be checked at pickup");
		}
		if (delivery == Delivery.PICKUP_RADIOLOGY && feeCharged && !paid) {
			throw new IllegalArgumentException("The DVD fee must be paid");
		}
		return new Handover(this.preparedParts, this.copyFileId, this.copyFileName, this.downloadExpiresAt,
				pickup && idChecked, paid);
	}

}
