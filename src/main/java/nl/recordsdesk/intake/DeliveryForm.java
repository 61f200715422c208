package nl.recordsdesk.intake;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.Delivery;
import org.jspecify.annotations.Nullable;

import static nl.recordsdesk.intake.FormValidation.TOO_LONG;

/**
 * Step 6: how the copy reaches the requester, and their signature: drawn on screen where
 * JavaScript runs, otherwise the typed full name with the declaration. Checked with Bean
 * Validation ({@link FormValidation}), the delivery against the request's type
 * ({@link #forType}).
 */
public class DeliveryForm implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	@NotNull(message = "{request.delivery.required}")
	private @Nullable Delivery delivery;

	@Answered(message = "{request.signature.name.required}")
	@Size(max = SignatureFields.MAX_NAME, message = TOO_LONG)
	private @Nullable String signatureName;

	@AssertTrue(message = "{request.signature.declaration.required}")
	private boolean declaration;

	private @Nullable String drawnSignature;

	/** The type of the request, for the check only; never bound from a post. */
	private transient @Nullable RequestType requestType;

	/** Whether images may be downloaded (the PACS connected); for the check only. */
	private transient boolean imagingDownload;

	/** Checks the delivery against the ways this type of request is answered. */
	DeliveryForm forType(RequestType requestType) {
		return forType(requestType, false);
	}

	/**
	 * Checks the delivery against the ways this type of request is answered, images by
	 * download too where the PACS is connected.
	 */
	DeliveryForm forType(RequestType requestType, boolean imagingDownload) {
		this.requestType = requestType;
		this.imagingDownload = imagingDownload;
		return this;
	}

	@Holds(on = "delivery", message = "{request.delivery.notForType}")
	boolean isDeliveryForType() {
		return this.delivery == null || this.requestType == null
				|| Arrays.asList(Delivery.forType(this.requestType, this.imagingDownload)).contains(this.delivery);
	}

	/** Nothing drawn is a typed signature; a drawing has to be one from the pad. */
	@Holds(on = "drawnSignature", message = "{request.signature.drawing.invalid}")
	boolean isDrawingReadable() {
		return Texts.blank(this.drawnSignature) || drawing() != null;
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
