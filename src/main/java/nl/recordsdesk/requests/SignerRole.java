package nl.recordsdesk.requests;

import nl.recordsdesk.eligibility.ItemCode;
import org.jspecify.annotations.Nullable;

/** Who signs: the requester, or a co-signer the rules ask for. */
public enum SignerRole {

	REQUESTER(null, null),

	SECOND_PARENT(ItemCode.SECOND_PARENT_SIGNATURE, ItemCode.SECOND_PARENT_ID),

	PARTNER(ItemCode.PARTNER_SIGNATURE, ItemCode.PARTNER_ID),

	PATIENT(ItemCode.PATIENT_CONSENT, null);

	private final @Nullable ItemCode signatureItem;

	private final @Nullable ItemCode idItem;

	SignerRole(@Nullable ItemCode signatureItem, @Nullable ItemCode idItem) {
		this.signatureItem = signatureItem;
		this.idItem = idItem;
	}

	/** The item this signer's signature satisfies; none for the requester's own. */
	public @Nullable ItemCode signatureItem() {
		return this.signatureItem;
	}

	/** The ID copy this co-signer uploads through their own link, if any. */
	public @Nullable ItemCode idItem() {
		return this.idItem;
	}

	/** The co-signer who provides this item. */
	public static SignerRole coSignerFor(ItemCode signatureItem) {
		for (SignerRole role : values()) {
			if (role.signatureItem == signatureItem) {
				return role;
			}
		}
		throw new IllegalArgumentException("No co-signer signs " + signatureItem);
	}

}
