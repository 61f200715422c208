package nl.recordsdesk.ehr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import nl.recordsdesk.ehr.EhrException.Problem;
import nl.recordsdesk.ehr.EhrRecords.Retrieved;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The copy composed from the EHR's documents: the cover letter (request, patient, what is
 * asked, the contents with the page each document starts on, what is not a PDF), the
 * documents in the order chosen, a page number on every page.
 */
class RecordCopyComposerTests {

	private static final Locale DUTCH = Locale.forLanguageTag("nl");

	@TempDir
	Path folder;

	private final RecordCopyComposer composer = new RecordCopyComposer(messages());

	@Test
	void theCoverLetterTheDocumentsInOrderAndAPageNumberOnEveryPage() throws Exception {
		EhrDocument letter = document("d1", "Ontslagbrief", "application/pdf");
		EhrDocument lab = document("d2", "Labuitslag", "application/pdf");
		EhrDocument photo = document("d3", "Foto wond", "image/jpeg");
		Retrieved retrieved = new Retrieved(List.of(fetched(lab, "Labuitslag", 3), fetched(letter, "Ontslagbrief", 2)),
				List.of(photo));
		Path target = this.folder.resolve("copy.pdf");

		RecordCopyComposer.Composed composed = this.composer.compose(cover(), retrieved, target, DUTCH);

		assertThat(composed.pages()).isEqualTo(6);
		assertThat(composed.contents()).extracting(RecordCopyComposer.Composed.Entry::firstPage).containsExactly(2, 5);
		try (PDDocument copy = Loader.loadPDF(target.toFile())) {
			assertThat(copy.getNumberOfPages()).isEqualTo(6);
			String cover = page(copy, 1);
			assertThat(cover).contains("Kopie van uw medisch dossier", "Aanvraag: RD-2026-000042",
					"Patiënt: Jan van der Berg, geboren 5-5-1975", "Gevraagd: het hele dossier", "Inhoud",
					"1. Labuitslag", "2. Ontslagbrief", "Niet in deze kopie opgenomen", "Foto wond", "image/jpeg");
			assertThat(cover).containsPattern("1\\. Labuitslag[^\\n]*\\n?[^\\n]* 2\\b");
			assertThat(page(copy, 2)).contains("Labuitslag blad 1");
			assertThat(page(copy, 4)).contains("Labuitslag blad 3");
			assertThat(page(copy, 5)).contains("Ontslagbrief blad 1");
			assertThat(page(copy, 6)).contains("Ontslagbrief blad 2");
			for (int i = 1; i <= 6; i++) {
				assertThat(page(copy, i)).contains("pagina " + i + " van 6");
			}
			PDOutlineItem first = copy.getDocumentCatalog().getDocumentOutline().getFirstChild();
			assertThat(first.getTitle()).isEqualTo("Deze begeleidende brief");
			assertThat(first.getNextSibling().getTitle()).startsWith("Labuitslag");
		}
	}

	@Test
	void theCoverLetterInEnglish() throws Exception {
		Retrieved retrieved = new Retrieved(
				List.of(fetched(document("d1", "Discharge letter", "application/pdf"), "Discharge", 1)), List.of());
		Path target = this.folder.resolve("copy-en.pdf");
		this.composer.compose(cover(), retrieved, target, Locale.ENGLISH);
		try (PDDocument copy = Loader.loadPDF(target.toFile())) {
			assertThat(page(copy, 1)).contains("Copy of your medical record", "Contents", "page 1 of 2");
		}
	}

	@Test
	void aDocumentThatIsNoPdfIsToldByName() throws Exception {
		Path broken = this.folder.resolve("broken.pdf");
		Files.writeString(broken, "geen pdf");
		Retrieved retrieved = new Retrieved(
				List.of(new Retrieved.Fetched(document("d9", "Verwijsbrief", "application/pdf"), broken)), List.of());
		assertThatExceptionOfType(EhrException.class)
			.isThrownBy(() -> this.composer.compose(cover(), retrieved, this.folder.resolve("x.pdf"), DUTCH))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo(Problem.DOCUMENT);
				assertThat(ex.document()).isEqualTo("Verwijsbrief");
			});
	}

	private Retrieved.Fetched fetched(EhrDocument document, String text, int pages) throws IOException {
		Path file = this.folder.resolve(document.id() + ".pdf");
		Files.write(file, TestFhirServer.pdf(text, pages));
		return new Retrieved.Fetched(document, file);
	}

	private static EhrDocument document(String id, String title, String contentType) {
		return new EhrDocument(id, title, title, LocalDate.of(2025, 2, 3), "Cardiologie", contentType, "Binary/" + id);
	}

	private static RecordCopyComposer.Cover cover() {
		return new RecordCopyComposer.Cover("Ziekenhuis", "RD-2026-000042", "Jan van der Berg",
				LocalDate.of(1975, 5, 5), "het hele dossier", LocalDate.of(2026, 12, 1));
	}

	private static String page(PDDocument document, int page) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(document);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("i18n/ehr");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
