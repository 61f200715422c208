package nl.recordsdesk.requests.web;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Base64;

import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.Delivery;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * Step 6: how the copy reaches the requester, and their signature: drawn on screen where
 * JavaScript runs, otherwise the typed full name with the declaration.
 */
public class DeliveryForm implements Serializable {

	static final String PNG_DATA_URL = "data:image/png;base64,";

	/** A drawn signature is a small image; anything larger is not one. */
	static final int MAX_DRAWING_BYTES = 200_000;

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private @Nullable Delivery delivery;

	private @Nullable String signatureName;

	private boolean declaration;

	private @Nullable String drawnSignature;

	void validate(Errors errors, RequestType type) {
		if (this.delivery == null) {
			errors.rejectValue("delivery", "request.delivery.required");
		}
		else if (!Arrays.asList(Delivery.forType(type)).contains(this.delivery)) {
			errors.rejectValue("delivery", "request.delivery.notForType");
		}
		Texts.rejectIfBlank(errors, "signatureName", this.signatureName, "request.signature.name.required");
		Texts.rejectIfLonger(errors, "signatureName", this.signatureName, 200);
		if (!this.declaration) {
			errors.rejectValue("declaration", "request.signature.declaration.required");
		}
		if (!Texts.blank(this.drawnSignature) && drawing() == null) {
			errors.rejectValue("drawnSignature", "request.signature.drawing.invalid");
		}
	}

	/** The drawn signature as PNG bytes, or null when none was drawn or it is no PNG. */
	byte @Nullable [] drawing() {
		if (Texts.blank(this.drawnSignature) || !this.drawnSignature.startsWith(PNG_DATA_URL)
				|| this.drawnSignature.length() > MAX_DRAWING_BYTES * 4 / 3 + PNG_DATA_URL.length() + 4) {
			return null;
		}
		try {
			byte[] png = Base64.getDecoder().decode(this.drawnSignature.substring(PNG_DATA_URL.length()));
			return (png.length > PNG_MAGIC.length
					&& Arrays.equals(png, 0, PNG_MAGIC.length, PNG_MAGIC, 0, PNG_MAGIC.length)) ? png : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	public @Nullable Delivery getDelivery() {
		return this.delivery;
	}

	public void setDelivery(@Nullable Delivery delivery) {
		this.delivery = delivery;
	}

	public @Nullable String getSignatureName() {
		return this.signatureName;
	}

	public void setSignatureName(@Nullable String signatureName) {
		this.signatureName = signatureName;
	}

	public boolean isDeclaration() {
		return this.declaration;
	}

	public void setDeclaration(boolean declaration) {
		this.declaration = declaration;
	}

	public @Nullable String getDrawnSignature() {
		return this.drawnSignature;
	}

	public void setDrawnSignature(@Nullable String drawnSignature) {
		this.drawnSignature = drawnSignature;
	}

}
