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

	/**
	 * @param child whether a child signs, who is spoken to as "je"
	 */
	void validate(Errors errors, boolean child) {
		String suffix = child ? ".child" : "";
		SignatureFields.validate(errors, this.signatureName, this.declaration, this.drawnSignature,
				"cosign.declaration.required" + suffix, suffix);
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
