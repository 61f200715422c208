package nl.recordsdesk.status;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import nl.recordsdesk.intake.Answered;
import nl.recordsdesk.intake.FormValidation;
import nl.recordsdesk.intake.Holds;
import nl.recordsdesk.intake.SignatureFields;
import nl.recordsdesk.intake.Texts;
import org.jspecify.annotations.Nullable;

import static nl.recordsdesk.intake.FormValidation.TOO_LONG;

/**
 * What a co-signer fills in: their name, the declaration, and a drawing where they can.
 * Checked with Bean Validation ({@link FormValidation}) in one of two groups
 * ({@link #checks}): a child (12 to 15) is spoken to as "je", as the rest of the child's
 * page does.
 */
public class CoSignForm {

	@Answered(message = "{request.signature.name.required}", groups = Adult.class)
	@Answered(message = "{request.signature.name.required.child}", groups = Child.class)
	@Size(max = SignatureFields.MAX_NAME, message = TOO_LONG, groups = { Adult.class, Child.class })
	private @Nullable String signatureName;

	@AssertTrue(message = "{cosign.declaration.required}", groups = Adult.class)
	@AssertTrue(message = "{cosign.declaration.required.child}", groups = Child.class)
	private boolean declaration;

	private @Nullable String drawnSignature;

	/** Nothing drawn is a typed signature; a drawing has to be one from the pad. */
	@Holds(on = "drawnSignature", message = "{request.signature.drawing.invalid}", groups = Adult.class)
	@Holds(on = "drawnSignature", message = "{request.signature.drawing.invalid.child}", groups = Child.class)
	boolean isDrawingReadable() {
		return Texts.blank(this.drawnSignature) || drawing() != null;
	}

	/**
	 * @param child whether a child signs, who is spoken to as "je"
	 */
	static Class<?> checks(boolean child) {
		return child ? Child.class : Adult.class;
	}

	/** The messages for an adult co-signer. */
	interface Adult {

	}

	/** The messages for a child, spoken to as "je". */
	interface Child {

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
