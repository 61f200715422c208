package nl.recordsdesk.uploads;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The name offered for download is made from the original, never taken from it. */
class SafeFileNameTests {

	static Stream<Arguments> names() {
		return Stream.of(Arguments.of("paspoort.pdf", "pdf", "paspoort.pdf"),
				Arguments.of("photo.png", "pdf", "photo.pdf"), Arguments.of("../../etc/passwd", "pdf", "passwd.pdf"),
				Arguments.of("C:\\x\\y.pdf", "pdf", "y.pdf"), Arguments.of("/home/jan/scan.JPEG", "jpg", "scan.jpg"),
				Arguments.of("id\u0000\r\nkaart.jpg", "jpg", "id_kaart.jpg"),
				Arguments.of("Paspoort J. de Vries (voorkant).JPG", "jpg", "Paspoort_J_de_Vries_voorkant.jpg"),
				Arguments.of("rijbewijs-Zoë Çelik.png", "png", "rijbewijs-Zoe_Celik.png"),
				Arguments.of("id.pdf.exe", "pdf", "id_pdf.pdf"),
				Arguments.of("<img src=x onerror=alert(1)>.pdf", "pdf", "img_src_x_onerror_alert_1.pdf"),
				Arguments.of("<script>alert(1)</script>.pdf", "pdf", "script.pdf"),
				Arguments.of("\u202egpj.exe", "jpg", "gpj.jpg"), Arguments.of("-rf.pdf", "pdf", "rf.pdf"),
				Arguments.of("CON.pdf", "pdf", "_CON.pdf"), Arguments.of(".hidden", "png", "hidden.png"),
				Arguments.of("...", "pdf", "upload.pdf"), Arguments.of("../", "pdf", "upload.pdf"),
				Arguments.of("паспорт.pdf", "pdf", "upload.pdf"), Arguments.of("", "pdf", "upload.pdf"),
				Arguments.of(null, "png", "upload.png"));
	}

	@ParameterizedTest
	@MethodSource("names")
	void makesANameSafe(String original, String extension, String safe) {
		assertThat(SafeFileName.of(original, extension)).isEqualTo(safe);
	}

	@Test
	void keepsLongNamesToASensibleLength() {
		String name = SafeFileName.of("a".repeat(300) + ".pdf", "pdf");
		assertThat(name).isEqualTo("a".repeat(SafeFileName.MAX_BASE_LENGTH) + ".pdf");
	}

	@Test
	void onlySafeCharactersEverComeOut() {
		StringBuilder everything = new StringBuilder();
		for (char c = 0; c < 0x3000; c++) {
			everything.append(c);
		}
		assertThat(SafeFileName.of(everything.toString(), "pdf")).matches("[A-Za-z0-9_-]{1,100}\\.pdf");
	}

}
