package nl.recordsdesk.notifications;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Development only: the development mailbox as pages, so that a newcomer can follow the
 * links in the portal's mail. Without the {@code dev} profile this controller does not
 * exist and {@code /dev/mail} is not found.
 * <p>
 * A message is shown as its plain-text version with its web addresses made into links,
 * and its HTML version as escaped source. The HTML itself is not rendered: the site's
 * Content-Security-Policy refuses the inline styles of mail, and in an
 * {@code <iframe sandbox srcdoc>} a followed link would open inside the frame, where the
 * portal's {@code frame-ancestors 'none'} refuses to show. Escaped text with our own
 * links works under the policy as it is.
 */
@Controller
@Profile("dev")
class DevMailboxController {

	/**
	 * http(s) addresses up to white space; punctuation that ends a sentence is left out.
	 */
	private static final Pattern WEB_ADDRESS = Pattern.compile("https?://[^\\s<>\"]*[^\\s<>\".,;:!?)'\\]]");

	private final DevMailbox mailbox;

	private final Clock clock;

	DevMailboxController(DevMailbox mailbox, Clock clock) {
		this.mailbox = mailbox;
		this.clock = clock;
	}

	@GetMapping("/dev/mail")
	String mailbox(Model model) {
		model.addAttribute("mails", this.mailbox.newestFirst().stream().map(this::summary).toList());
		return "notifications/dev-mailbox";
	}

	@GetMapping("/dev/mail/{id}")
	String message(@PathVariable UUID id, Model model) {
		DevMailbox.DeliveredMail mail = this.mailbox.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("mail", summary(mail));
		model.addAttribute("textParts", parts(mail.text()));
		model.addAttribute("html", mail.html());
		return "notifications/dev-mail";
	}

	private Summary summary(DevMailbox.DeliveredMail mail) {
		return new Summary(mail.id(), mail.to(), mail.subject(),
				LocalDateTime.ofInstant(mail.deliveredAt(), this.clock.getZone()).truncatedTo(ChronoUnit.SECONDS));
	}

	/** The text cut into plain pieces and web addresses, in order. */
	static List<TextPart> parts(String text) {
		List<TextPart> parts = new ArrayList<>();
		Matcher matcher = WEB_ADDRESS.matcher(text);
		int end = 0;
		while (matcher.find()) {
			if (matcher.start() > end) {
				parts.add(new TextPart(text.substring(end, matcher.start()), false));
			}
			parts.add(new TextPart(matcher.group(), true));
			end = matcher.end();
		}
		if (end < text.length()) {
			parts.add(new TextPart(text.substring(end), false));
		}
		return parts;
	}

	record Summary(UUID id, String to, String subject, LocalDateTime time) {

	}

	record TextPart(String text, boolean link) {

	}

}
