package nl.recordsdesk.requests.web;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * What a co-signer fills in: their name, the declaration, and a drawing where they can.
 */
public class CoSignForm {

	private @Nullable String signatureName;

	private boolean declaration;

	private @Nullable String drawnSignature;

	void validate(Errors errors) {
		Texts.rejectIfBlank(errors, "signatureName", this.signatureName, "request.signature.name.required");
		Texts.rejectIfLonger(errors, "signatureName", this.signatureName, 200);
		if (!this.declaration) {
			errors.rejectValue("declaration", "cosign.declaration.required");
		}
		if (!Texts.blank(this.drawnSignature) && drawing() == null) {
			errors.rejectValue("drawnSignature", "request.signature.drawing.invalid");
		}
	}

	byte @Nullable [] drawing() {
		DeliveryForm reader = new DeliveryForm();
		reader.setDrawnSignature(this.drawnSignature);
		return reader.drawing();
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
