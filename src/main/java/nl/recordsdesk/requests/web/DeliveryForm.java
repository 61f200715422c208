package nl.recordsdesk.requests.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;

import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.Delivery;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * Step 6: how the copy reaches the requester, and their signature: drawn on screen where
 * JavaScript runs, otherwise the typed full name with the declaration.
 */
public class DeliveryForm implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

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
		SignatureFields.validate(errors, this.signatureName, this.declaration, this.drawnSignature,
				"request.signature.declaration.required");
	}

	/** The drawn signature as PNG bytes, or null when none was drawn or it is no PNG. */
	byte @Nullable [] drawing() {
		return SignatureFields.drawing(this.drawnSignature);
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
