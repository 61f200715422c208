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
		SignatureFields.validate(errors, this.signatureName, this.declaration, this.drawnSignature,
				"cosign.declaration.required");
	}

	byte @Nullable [] drawing() {
		return SignatureFields.drawing(this.drawnSignature);
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
