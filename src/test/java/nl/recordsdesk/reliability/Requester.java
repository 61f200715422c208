package nl.recordsdesk.reliability;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.recordsdesk.reliability.Browser.Page;
import nl.recordsdesk.reliability.Mailbox.Mail;

/**
 * A requester filling in the request form as a browser posts it: a record copy of the
 * whole record for themselves, their ID as a document, delivery by post, and the code
 * e-mailed to their own address.
 */
final class Requester {

	/** The six-digit code in the confirmation mail. */
	static final Pattern CODE = Pattern.compile("(?<![-\\d])(\\d{6})(?!\\d)");

	private static final Pattern REFERENCE = Pattern.compile("id=\"reference\"[^>]*>\\s*([^<\\s]+)\\s*<");

	/** How long a requester waits for the code mail. */
	static final Duration CODE_WAIT = Duration.ofSeconds(Long.getLong("reliability.code-wait", 120));

	private final Browser browser;

	private final Mailbox mailbox;

	private final String name;

	private final String email;

	private final int number;

	/**
	 * @param label the start of the requester's e-mail address, which the suite finds
	 * their requests by ({@code <label><number>.<runId>@example.test})
	 */
	Requester(Executor executor, Mailbox mailbox, String label, int number, String runId) {
		this.browser = new Browser(executor);
		this.mailbox = mailbox;
		this.number = number;
		this.name = "Proef Patient " + number;
		this.email = label + number + "." + runId + "@example.test";
	}

	String email() {
		return this.email;
	}

	String name() {
		return this.name;
	}

	Browser browser() {
		return this.browser;
	}

	/** Step 1 and 2 on {@code instance}: what, and the patient. */
	Page whatAndPatient(Instance instance) throws IOException, InterruptedException {
		expect(this.browser.get(instance.uri("/request/what")), "/request/what", "open the form");
		expect(this.browser.post(instance.uri("/request/what"),
				Map.of("requestType", "RECORD_COPY", "recordScope", "WHOLE")), "/request/patient", "what");
		return expect(
				this.browser.post(instance.uri("/request/patient"),
						Map.of("name", this.name, "birthDate", "2-2-1970", "deceased", "false")),
				"/request/requester", "patient");
	}

	/** Step 3 on {@code instance}: the requester. */
	Page requester(Instance instance) throws IOException, InterruptedException {
		return expect(
				this.browser.post(instance.uri("/request/requester"),
						Map.of("relation", "SELF", "name", this.name, "email", this.email, "phone", "0612345678",
								"street", "Kade 1", "postalCode", "3011 AB", "city", "Rotterdam")),
				"/request/documents", "requester");
	}

	/**
	 * The whole form on {@code instance}, from the first step to the page with the
	 * reference. Never throws: every way it can end is an {@link Outcome}.
	 */
	Outcome submit(Instance instance) {
		long start = System.nanoTime();
		long sendStart = start;
		String step = "open the form";
		try {
			step = "what and patient";
			whatAndPatient(instance);
			step = "requester";
			requester(instance);
			step = "documents";
			expect(this.browser.postMultipart(instance.uri("/request/documents"), Map.of(),
					List.of(Documents.nth(this.number, "REQUESTER_ID"))), "/request/delivery", step);
			step = "delivery";
			expect(this.browser.post(instance.uri("/request/delivery"),
					Map.of("delivery", "POST", "signatureName", this.name, "declaration", "true")), "/request/check",
					step);
			step = "code mail";
			Optional<String> code = code();
			if (code.isEmpty()) {
				return Outcome.failed(Outcome.Kind.NO_CODE, step, "no code mail within " + CODE_WAIT, start);
			}
			step = "send";
			sendStart = System.nanoTime();
			Page sent = this.browser.post(instance.uri("/request/check"), Map.of("code", code.get()));
			if (sent.serverError()) {
				return Outcome.failed(Outcome.Kind.SERVER_ERROR, step, sent.toString(), start);
			}
			Optional<String> reference = sent.find(REFERENCE);
			if (!"/request/sent".equals(sent.path()) || reference.isEmpty()) {
				boolean toldFailed = sent.hasId("error-summary") || sent.body().contains("field__error");
				return Outcome.failed(toldFailed ? Outcome.Kind.TOLD_NOT_SENT : Outcome.Kind.UNEXPECTED_PAGE, step,
						sent.toString(), start);
			}
			long end = System.nanoTime();
			return new Outcome(Outcome.Kind.SENT, reference.get(), null, null, Duration.ofNanos(end - start),
					Duration.ofNanos(end - sendStart));
		}
		catch (UnexpectedPage ex) {
			return Outcome.failed(
					ex.page.serverError() ? Outcome.Kind.SERVER_ERROR
							: (ex.page.status() >= 400 ? Outcome.Kind.ERROR_PAGE : Outcome.Kind.UNEXPECTED_PAGE),
					ex.step, ex.page.toString(), start);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Outcome.failed(Outcome.Kind.TIMEOUT, step, "interrupted (scenario deadline)", start);
		}
		catch (IOException | RuntimeException ex) {
			return Outcome.failed(Browser.timedOut(ex) ? Outcome.Kind.TIMEOUT : Outcome.Kind.CONNECTION, step,
					ex.toString(), start);
		}
	}

	private Optional<String> code() {
		return this.mailbox.await(this.email,
				(mail) -> mail.subject().toLowerCase().contains("code") && CODE.matcher(mail.text()).find(), CODE_WAIT)
			.map(Mail::text)
			.map((text) -> {
				Matcher matcher = CODE.matcher(text);
				matcher.find();
				return matcher.group(1);
			});
	}

	static Page expect(Page page, String path, String step) {
		if (page.serverError() || !path.equals(page.path())) {
			throw new UnexpectedPage(step, page);
		}
		return page;
	}

	/** A step ended on another page than the next step's. */
	static final class UnexpectedPage extends RuntimeException {

		final String step;

		final transient Page page;

		UnexpectedPage(String step, Page page) {
			super(step + ": " + page);
			this.step = step;
			this.page = page;
		}

	}

	/**
	 * How one requester's form ended.
	 *
	 * @param kind how
	 * @param reference the reference shown, when sent
	 * @param step the step that went wrong, otherwise
	 * @param detail what was seen there
	 * @param total from the first page to the reference (or the failure)
	 * @param send the last post, from sending to the page with the reference
	 */
	record Outcome(Kind kind, String reference, String step, String detail, Duration total, Duration send) {

		static Outcome failed(Kind kind, String step, String detail, long start) {
			return new Outcome(kind, null, step, detail, Duration.ofNanos(System.nanoTime() - start), null);
		}

		boolean error() {
			return this.kind == Kind.SERVER_ERROR || this.kind == Kind.ERROR_PAGE || this.kind == Kind.TIMEOUT
					|| this.kind == Kind.CONNECTION;
		}

		enum Kind {

			/** The reference was shown. */
			SENT,
			/** An HTTP 5xx on some step. */
			SERVER_ERROR,
			/** Another error page (4xx). */
			ERROR_PAGE,
			/** No answer within the request time-out, or the scenario's deadline. */
			TIMEOUT,
			/** The connection failed. */
			CONNECTION,
			/** The check page said the request could not be sent. */
			TOLD_NOT_SENT,
			/** No code mail arrived. */
			NO_CODE,
			/** Some other page where the next step was expected. */
			UNEXPECTED_PAGE

		}

	}

}
