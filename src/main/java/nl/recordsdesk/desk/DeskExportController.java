package nl.recordsdesk.desk;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import nl.recordsdesk.csv.CsvFile;
import nl.recordsdesk.requests.QueueRow;
import nl.recordsdesk.requests.RequestFigures;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's downloads: the queue with its filters and the monthly report, as CSV
 * ({@link CsvFile}: Apache Commons CSV, formulas neutralised), in the reader's language.
 * Only for {@code DESK}, as every {@code /desk} URL; the queue's download is audited by
 * {@link DeskQueries#export}.
 */
@Controller
@RequestMapping("/desk")
class DeskExportController {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d-M-yyyy");

	private final DeskQueries queries;

	private final DeskFigures figures;

	private final MessageSource messages;

	private final Clock clock;

	DeskExportController(DeskQueries queries, DeskFigures figures, MessageSource messages, Clock clock) {
		this.queries = queries;
		this.figures = figures;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The queue as the filters narrow it, all its pages, at most
	 * {@link DeskQueries#EXPORT_LIMIT} lines.
	 */
	@GetMapping("/queue.csv")
	ResponseEntity<byte[]> queue(QueueFilter filter, Principal staff, Locale locale) {
		DeskQueries.Export export = this.queries.export(filter, staff.getName());
		List<String> header = List.of(text("desk.col.reference", locale), text("desk.col.patient", locale),
				text("desk.col.type", locale), text("desk.col.status", locale), text("desk.col.due", locale),
				text("desk.export.dueState", locale), text("desk.col.assigned", locale),
				text("desk.export.filedOn", locale));
		List<List<String>> rows = export.lines().stream().map((line) -> {
			QueueRow row = line.row();
			return Arrays.asList(row.reference(), row.patientName(), text("desk.type." + row.type(), locale),
					text("desk.status." + row.status(), locale),
					(row.dueDate() != null) ? DAY.format(row.dueDate()) : null,
					line.overdue() ? text("desk.overdue", locale)
							: line.dueSoon() ? text("desk.dueSoon", locale) : null,
					(row.assignedTo() != null) ? row.assignedTo() : text("desk.unassigned", locale),
					DAY.format(row.filedAt().atZone(this.clock.getZone())));
		}).toList();
		return download(CsvFile.write(header, rows), "wachtrij-" + LocalDate.now(this.clock) + ".csv");
	}

	/** The dashboard's months: received, answered, on time. Holds no personal data. */
	@GetMapping("/dashboard/months.csv")
	ResponseEntity<byte[]> months(Locale locale) {
		List<String> header = List.of(text("desk.report.month", locale), text("desk.dashboard.received", locale),
				text("desk.report.answered", locale), text("desk.report.onTime", locale),
				text("desk.report.onTimePercent", locale));
		List<List<Object>> rows = this.figures.recentMonths()
			.stream()
			.map((RequestFigures.Month month) -> Arrays.<Object>asList(month.month().toString(), month.received(),
					month.answered(), month.onTime(), month.onTimePercent()))
			.toList();
		return download(CsvFile.write(header, rows), "maandrapport-" + LocalDate.now(this.clock) + ".csv");
	}

	/**
	 * Filters that cannot be read (a state or type that does not exist, a control
	 * character in the search): back to the queue with the layout's notice
	 * ({@code inputRefused}, as the web shell's {@code InputRefused} sets it), rather
	 * than the whole queue downloaded without the filters asked for.
	 */
	@ExceptionHandler({ TypeMismatchException.class, BindException.class })
	String refused(RedirectAttributes redirect) {
		redirect.addFlashAttribute("inputRefused", true);
		return "redirect:/desk";
	}

	private String text(String code, Locale locale) {
		return this.messages.getMessage(code, null, code, locale);
	}

	private static ResponseEntity<byte[]> download(byte[] csv, String fileName) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(csv);
	}

}
