package nl.recordsdesk.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import nl.recordsdesk.audit.AuditSearch.AuditPage;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The auditor's page: the audit trail by request, by user and by period, newest first,
 * {@value AuditSearch#PAGE_SIZE} to a page. Only the role {@code AUDITOR} gets here (the
 * portal's security configuration). A search changes nothing, so it is a GET: the address
 * of a page can be kept and shared with another auditor.
 */
@Controller
@RequestMapping("/audit")
class AuditSearchController {

	static final String VIEW = "audit/search";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d-M-yyyy");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");

	private final AuditSearch search;

	private final MessageSource messages;

	private final Clock clock;

	AuditSearchController(AuditSearch search, MessageSource messages, Clock clock) {
		this.search = search;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String search(@ModelAttribute AuditSearchForm auditSearchForm, BindingResult binding,
			@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) @Nullable Long upTo,
			Model model, Locale locale) {
		// A patient's name never comes in an address (it would stay in logs and
		// histories): a search by patient is posted.
		auditSearchForm.setPatientName(null);
		auditSearchForm.setPatientBirthDate(null);
		return show(auditSearchForm, binding, page, upTo, model, locale);
	}

	/**
	 * The same search, posted: the form's way, so that a patient's name stays out of
	 * addresses.
	 */
	@PostMapping
	String searchPosted(@ModelAttribute AuditSearchForm auditSearchForm, BindingResult binding,
			@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) @Nullable Long upTo,
			Model model, Locale locale) {
		model.addAttribute("posted", true);
		return show(auditSearchForm, binding, page, upTo, model, locale);
	}

	/**
	 * The records of a search as CSV, in the reader's language, up to
	 * {@value AuditSearch#EXPORT_LIMIT}; the export is itself recorded. A form with
	 * mistakes comes back as the page with its messages.
	 */
	@PostMapping("/export")
	Object export(@ModelAttribute AuditSearchForm auditSearchForm, BindingResult binding, Model model, Locale locale) {
		auditSearchForm.validate(binding);
		if (binding.hasErrors()) {
			model.addAttribute("actions", actions(locale));
			return VIEW;
		}
		List<AuditRecord> found = this.search.export(auditSearchForm.toQuery());
		byte[] csv = AuditCsv.write(found.stream().map((record) -> row(record, locale)).toList(),
				(code) -> text(code, code, locale));
		String name = "audittrail-" + LocalDate.now(this.clock).format(DateTimeFormatter.BASIC_ISO_DATE) + ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(csv);
	}

	private String show(AuditSearchForm auditSearchForm, BindingResult binding, int page, @Nullable Long upTo,
			Model model, Locale locale) {
		model.addAttribute("actions", actions(locale));
		auditSearchForm.validate(binding);
		if (binding.hasErrors()) {
			return VIEW;
		}
		AuditQuery query = auditSearchForm.toQuery();
		// A page past any real trail (a typed URL) would overflow the offset.
		AuditPage found = this.search.search(query, Math.min(Math.max(1, page), 100_000), upTo);
		model.addAttribute("records", found.records().stream().map((record) -> row(record, locale)).toList());
		model.addAttribute("page", found.page());
		model.addAttribute("upTo", found.upTo());
		if (found.page() > 1) {
			model.addAttribute("previousPage", pageUrl(query, found.page() - 1, found.upTo()));
		}
		if (found.hasNext()) {
			model.addAttribute("nextPage", pageUrl(query, found.page() + 1, found.upTo()));
		}
		return VIEW;
	}

	private Row row(AuditRecord record, Locale locale) {
		ZonedDateTime time = record.occurredAt().atZone(this.clock.getZone());
		return new Row(time.format(TIME), time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), record.userName(),
				record.roles().replace(",", ", "), text("audit.action." + record.action(), record.action(), locale),
				text("audit.outcome." + record.outcome(), record.outcome(), locale), record.outcome(),
				record.requestReference(), record.subject(), record.clientAddress(), record.detail());
	}

	/** The actions to filter by, in the reader's language, in the order of the list. */
	private List<Choice> actions(Locale locale) {
		return Arrays.stream(AuditAction.values())
			.map((action) -> new Choice(action.name(), text("audit.action." + action.name(), action.name(), locale)))
			.toList();
	}

	/**
	 * One action to choose.
	 *
	 * @param code its name
	 * @param label its text
	 */
	record Choice(String code, String label) {

	}

	/** An action no longer known keeps its name rather than breaking the page. */
	private String text(String code, String fallback, Locale locale) {
		String text = this.messages.getMessage(code, null, fallback, locale);
		return (text != null) ? text : fallback;
	}

	/** The same search on another page, over the same records. */
	static String pageUrl(AuditQuery query, int page, long upTo) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/audit");
		if (query.requestReference() != null) {
			url.queryParam("reference", query.requestReference());
		}
		if (query.userName() != null) {
			url.queryParam("user", query.userName());
		}
		if (query.action() != null) {
			url.queryParam("action", query.action().name());
		}
		if (query.from() != null) {
			url.queryParam("from", day(query.from()));
		}
		if (query.to() != null) {
			url.queryParam("to", day(query.to()));
		}
		return url.queryParam("page", page).queryParam("upTo", upTo).encode().build().toUriString();
	}

	private static String day(LocalDate date) {
		return date.format(DAY);
	}

	/**
	 * One line of the table, as shown.
	 *
	 * @param time when, in the hospital's time zone
	 * @param isoTime when, for the {@code datetime} attribute
	 * @param user who
	 * @param roles their roles then
	 * @param action what, in the reader's language
	 * @param outcome how it ended, in the reader's language
	 * @param outcomeCode how it ended, for styling
	 * @param reference the request
	 * @param subject what within the request
	 * @param address where from
	 * @param detail a remark
	 */
	record Row(String time, String isoTime, String user, String roles, String action, String outcome,
			String outcomeCode, @Nullable String reference, @Nullable String subject, @Nullable String address,
			@Nullable String detail) {

	}

}
