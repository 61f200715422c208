package nl.recordsdesk.intake;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;

import javax.imageio.ImageIO;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import nl.recordsdesk.eligibility.RequestType;
import nl.recordsdesk.requests.Delivery;
import org.junit.jupiter.api.Test;

import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A drawn signature is kept only when it is a PNG that decodes whole and is no larger
 * than the pad; anything else gets the signature field's message.
 */
class SignatureFieldsTests {

	@Test
	void aDrawingFromThePadIsKeptAsItsPixels() throws IOException {
		byte[] drawn = png(560, 180);
		byte[] kept = SignatureFields.drawing(dataUrl(drawn));
		assertThat(kept).isNotNull();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(kept));
		assertThat(image.getWidth()).isEqualTo(560);
		assertThat(image.getRGB(10, 90)).isEqualTo(Color.BLACK.getRGB());
		assertThat(errors(dataUrl(drawn)).hasFieldErrors("drawnSignature")).isFalse();
	}

	@Test
	void whatOnlyStartsLikeAPngIsRefused() {
		byte[] fake = Arrays.copyOf(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' }, 4096);
		Arrays.fill(fake, 8, fake.length, (byte) '<');
		assertThat(SignatureFields.drawing(dataUrl(fake))).isNull();
		BindingResult errors = errors(dataUrl(fake));
		assertThat(errors.getFieldError("drawnSignature").getCode()).isEqualTo("request.signature.drawing.invalid");
	}

	@Test
	void aCutOffOrOversizedImageIsRefused() throws IOException {
		byte[] whole = png(560, 180);
		assertThat(SignatureFields.drawing(dataUrl(Arrays.copyOf(whole, whole.length / 2)))).isNull();
		assertThat(SignatureFields.drawing(dataUrl(png(SignatureFields.MAX_WIDTH + 1, 10)))).isNull();
		assertThat(SignatureFields.drawing(dataUrl(png(10, SignatureFields.MAX_HEIGHT + 1)))).isNull();
		assertThat(SignatureFields.drawing("data:image/png;base64,not base64")).isNull();
		assertThat(SignatureFields.drawing("data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(whole)))
			.isNull();
	}

	@Test
	void markupAfterTheImageIsNotKept() throws IOException {
		byte[] whole = png(560, 180);
		byte[] trailing = Arrays.copyOf(whole, whole.length + 40);
		System.arraycopy("<script>alert(1)</script>".getBytes(), 0, trailing, whole.length, 25);
		byte[] kept = SignatureFields.drawing(dataUrl(trailing));
		if (kept != null) {
			assertThat(new String(kept, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("<script>");
		}
	}

	/** The requester's signature on the last step, checked as that step checks it. */
	private static BindingResult errors(String drawn) {
		DeliveryForm form = new DeliveryForm();
		form.setDelivery(Delivery.POST);
		form.setSignatureName("Jan Smit");
		form.setDeclaration(true);
		form.setDrawnSignature(drawn);
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "deliveryForm");
		try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
			new FormValidation(factory).validate(form.forType(RequestType.RECORD_COPY), errors);
		}
		return errors;
	}

	private static String dataUrl(byte[] png) {
		return SignatureFields.PNG_DATA_URL + Base64.getEncoder().encodeToString(png);
	}

	private static byte[] png(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.BLACK);
		graphics.fillRect(0, 0, Math.min(width, 100), height);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
