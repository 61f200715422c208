package nl.recordsdesk.requests.web;

import java.util.Arrays;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * The fields of a signature, the same for the requester and a co-signer: the full name,
 * the declaration, and a drawing where the signer could draw.
 */
final class SignatureFields {

	static final String PNG_DATA_URL = "data:image/png;base64,";

	/** A drawn signature is a small image; anything larger is not one. */
	static final int MAX_DRAWING_BYTES = 200_000;

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private SignatureFields() {
	}

	static void validate(Errors errors, @Nullable String name, boolean declaration, @Nullable String drawn,
			String declarationRequired) {
		Texts.rejectIfBlank(errors, "signatureName", name, "request.signature.name.required");
		Texts.rejectIfLonger(errors, "signatureName", name, 200);
		if (!declaration) {
			errors.rejectValue("declaration", declarationRequired);
		}
		if (!Texts.blank(drawn) && drawing(drawn) == null) {
			errors.rejectValue("drawnSignature", "request.signature.drawing.invalid");
		}
	}

	/** The drawing as PNG bytes, or null when none was drawn or it is no PNG. */
	static byte @Nullable [] drawing(@Nullable String dataUrl) {
		if (Texts.blank(dataUrl) || !dataUrl.startsWith(PNG_DATA_URL)
				|| dataUrl.length() > MAX_DRAWING_BYTES * 4 / 3 + PNG_DATA_URL.length() + 4) {
			return null;
		}
		try {
			byte[] png = Base64.getDecoder().decode(dataUrl.substring(PNG_DATA_URL.length()));
			return (png.length > PNG_MAGIC.length
					&& Arrays.equals(png, 0, PNG_MAGIC.length, PNG_MAGIC, 0, PNG_MAGIC.length)) ? png : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
