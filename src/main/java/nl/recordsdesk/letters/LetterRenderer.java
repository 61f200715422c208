package nl.recordsdesk.letters;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import nl.recordsdesk.eligibility.Fees;
import nl.recordsdesk.web.Hospital;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a letter: Thymeleaf fills {@code templates/letters/<slug>.html} (well-formed
 * XHTML) in the requester's language, openhtmltopdf lays it out as a tagged PDF (PDF/UA)
 * with the embedded DejaVu Sans, so the PDF looks the same everywhere and does not depend
 * on the fonts of the machine.
 * <p>
 * The fonts and the stylesheet are read once; every letter embeds the subset it uses. An
 * engine of its own, as the mail module has, so Boot's web engine stays as it is.
 */
@Component
class LetterRenderer {

	static final String FONT_FAMILY = "DejaVu Sans";

	private static final Currency EURO = Currency.getInstance("EUR");

	private final SpringTemplateEngine engine;

	private final MessageSource messages;

	private final Hospital hospital;

	private final Fees fees;

	private final byte[] regular;

	private final byte[] bold;

	private final String css;

	LetterRenderer(MessageSource messages, Hospital hospital, Fees fees,
			@Value("${spring.thymeleaf.cache:true}") boolean cache) {
		this.messages = messages;
		this.hospital = hospital;
		this.fees = fees;
		this.regular = resource("letters/fonts/DejaVuSans.ttf");
		this.bold = resource("letters/fonts/DejaVuSans-Bold.ttf");
		this.css = new String(resource("letters/letter.css"), StandardCharsets.UTF_8);
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/letters/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(cache);
		this.engine = new SpringTemplateEngine();
		this.engine.setTemplateResolver(resolver);
		this.engine.setTemplateEngineMessageSource(messages);
	}

	/** The letter as a PDF, in the language of the facts. */
	byte[] render(LetterKind kind, LetterFacts facts, LocalDate date) {
		return pdf(html(kind, facts, date));
	}

	/** The letter as XHTML, before layout. */
	String html(LetterKind kind, LetterFacts facts, LocalDate date) {
		Locale locale = facts.language();
		Map<String, Object> variables = new HashMap<>();
		variables.put("facts", facts);
		variables.put("kind", kind);
		variables.put("hospital", this.hospital);
		variables.put("letterDate", date);
		variables.put("fee", euros(locale));
		variables.put("feeCharged", this.fees.imagingDvdCharged());
		variables.put("css", this.css);
		variables.put("subject", subject(kind, facts));
		return this.engine.process(kind.slug(), new Context(locale, variables));
	}

	/**
	 * Another document of the desk's, such as the access-log overview, as XHTML: its
	 * template with the hospital and the stylesheet.
	 */
	String html(String template, Locale locale, Map<String, Object> variables) {
		Map<String, Object> all = new HashMap<>(variables);
		all.put("hospital", this.hospital);
		all.put("css", this.css);
		return this.engine.process(template, new Context(locale, all));
	}

	String subject(LetterKind kind, LetterFacts facts) {
		return this.messages.getMessage("letters." + kind.slug() + ".subject",
				new Object[] { facts.referenceOrBlank() }, facts.language());
	}

	/** The name the file is saved under, in the requester's language. */
	String fileName(LetterKind kind, LetterFacts facts) {
		String name = this.messages.getMessage("letters." + kind.slug() + ".file", null, facts.language());
		return facts.filed() ? name + "-" + facts.reference() + ".pdf" : name + ".pdf";
	}

	/**
	 * Lays out a letter's XHTML as a PDF: the slow part, so callers do it with no
	 * transaction held.
	 */
	byte[] pdf(String html) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePdfUaAccessibility(true);
			builder.useFont(() -> stream(this.regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
			builder.useFont(() -> stream(this.bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
			builder.withProducer(this.hospital.name());
			// No base address: a letter loads nothing from elsewhere.
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not render a letter", ex);
		}
	}

	private String euros(Locale locale) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(EURO);
		return format.format(this.fees.imagingDvd());
	}

	private static InputStream stream(byte[] bytes) {
		return new ByteArrayInputStream(bytes);
	}

	private static byte[] resource(String path) {
		try (InputStream in = LetterRenderer.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + path);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
