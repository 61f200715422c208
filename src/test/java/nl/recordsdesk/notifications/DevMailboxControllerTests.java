package nl.recordsdesk.notifications;

import java.util.UUID;

import nl.recordsdesk.web.WebSliceConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The development mailbox: a newcomer reads the portal's mail and follows its links. */
@WebMvcTest(DevMailboxController.class)
@ActiveProfiles("dev")
@Import({ WebSliceConfiguration.class, DevMailbox.class })
class DevMailboxControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DevMailbox mailbox;

	UUID deliver(String to, String subject, String text, String html) {
		UUID id = UUID.randomUUID();
		this.mailbox.deliver(new OutgoingMail(id, to, subject, text, html));
		return id;
	}

	@Test
	void listsTheMailNewestFirst() {
		UUID first = deliver("ouder1@example.nl", "Eerste bericht", "Tekst", "<p>Tekst</p>");
		UUID second = deliver("ouder2@example.nl", "Tweede bericht", "Tekst", "<p>Tekst</p>");

		MvcTestResult result = this.mvc.get().uri("/dev/mail").exchange();

		assertThat(result).hasStatusOk().hasViewName("notifications/dev-mailbox");
		assertThat(result).bodyText()
			.contains("<h1>Ontwikkelmailbox</h1>")
			.contains("<td>ouder2@example.nl</td>")
			.contains("<a href=\"/dev/mail/" + second + "\">Tweede bericht</a>")
			.contains("<a href=\"/dev/mail/" + first + "\">Eerste bericht</a>")
			.containsPattern("(?s)Tweede bericht.*Eerste bericht");
	}

	@Test
	void showsAMessageWithItsLinksClickable() {
		String link = "http://localhost:8080/requests/7f3a/co-sign?token=Zm9v-YmFy";
		UUID id = deliver("ouder2@example.nl", "Onderteken de aanvraag",
				"Beste ouder,\n\nOnderteken de aanvraag via " + link + ".\nMet vriendelijke groet",
				"<p>Onderteken <a href=\"" + link + "\">hier</a></p><script>alert(1)</script>");

		MvcTestResult result = this.mvc.get().uri("/dev/mail/{id}", id).exchange();

		assertThat(result).hasStatusOk().hasViewName("notifications/dev-mail");
		assertThat(result).bodyText()
			.contains("<h1>Onderteken de aanvraag</h1>")
			.contains("<dd>ouder2@example.nl</dd>")
			.contains("Onderteken de aanvraag via <a href=\"" + link + "\">" + link + "</a>.\nMet vriendelijke groet")
			// The HTML version only as text: nothing in it runs or renders.
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)");
	}

	@Test
	void speaksEnglishWhenChosen() {
		assertThat(this.mvc.get().uri("/dev/mail").param("lang", "en")).bodyText()
			.contains("<h1>Development mailbox</h1>");
	}

	@Test
	void anUnknownMessageIsNotFound() {
		assertThat(this.mvc.get().uri("/dev/mail/{id}", UUID.randomUUID())).hasStatus(404);
		// A path that is no id at all is no page either.
		assertThat(this.mvc.get().uri("/dev/mail/not-an-id")).hasStatus(404);
	}

	@Test
	void theLinksAreCutFromTheText() {
		assertThat(DevMailboxController.parts("Zie https://example.nl/a?b=c, of (http://example.nl/d)."))
			.containsExactly(new DevMailboxController.TextPart("Zie ", false),
					new DevMailboxController.TextPart("https://example.nl/a?b=c", true),
					new DevMailboxController.TextPart(", of (", false),
					new DevMailboxController.TextPart("http://example.nl/d", true),
					new DevMailboxController.TextPart(").", false));
		assertThat(DevMailboxController.parts("javascript:alert(1)"))
			.containsExactly(new DevMailboxController.TextPart("javascript:alert(1)", false));
	}

}
