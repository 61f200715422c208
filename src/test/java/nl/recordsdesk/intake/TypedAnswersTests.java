package nl.recordsdesk.intake;

import java.util.Map;

import nl.recordsdesk.TestBrowser;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The request form takes answers as people type them: dates without separators, the
 * language switched halfway through a step, the questions that are theirs to answer.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class })
class TypedAnswersTests {

	@Autowired
	MockMvcTester mvc;

	TestBrowser session;

	@BeforeEach
	void newVisitor() {
		this.session = new TestBrowser();
		post("/request/what", Map.of("requestType", "RECORD_COPY", "recordScope", "WHOLE"));
	}

	@Test
	void aBirthDateTypedWithoutSeparatorsOrWithSpacesIsTheSameDay() {
		post("/request/patient", Map.of("name", "Lotte Visser", "birthDate", "01052013", "deceased", "false"));
		assertThat(get("/request/patient")).bodyText().contains("value=\"1-5-2013\"");
		post("/request/patient", Map.of("name", "Lotte Visser", "birthDate", "1 5 2013", "deceased", "false"));
		assertThat(get("/request/patient")).bodyText().contains("value=\"1-5-2013\"");
	}

	@Test
	void aTwoDigitYearIsAskedAgainWithWhatWasTyped() {
		MvcTestResult refused = this.mvc.post()
			.uri("/request/patient")
			.param("name", "Lotte Visser")
			.param("birthDate", "1-5-13")
			.param("deceased", "false")
			.with(this.session)
			.with(csrf())
			.exchange();
		assertThat(refused).hasStatusOk().hasViewName("request/patient");
		assertThat(refused).bodyText().contains("id=\"birthDate-error\"").contains("value=\"1-5-13\"");
	}

	@Test
	void switchingLanguageOnAStepKeepsWhatWasTypedAndStoresNothing() {
		MvcTestResult page = get("/request/patient");
		assertThat(page).bodyText()
			.contains("id=\"step-form\"")
			.containsPattern("<button[^>]*form=\"step-form\"[^>]*formaction=\"/request/patient\\?lang=en\"");
		MvcTestResult english = this.mvc.post()
			.uri("/request/patient?lang=en")
			.param("name", "Lotte Visser")
			.param("birthDate", "01052013")
			.param("switchLanguage", "en")
			.with(this.session)
			.with(csrf())
			.exchange();
		assertThat(english).hasStatusOk().hasViewName("request/patient");
		assertThat(english).bodyText()
			.contains("<html lang=\"en\"")
			.contains("value=\"Lotte Visser\"")
			.contains("value=\"1-5-2013\"")
			.doesNotContain("error-summary");
		// Not stored: the step itself was not sent.
		assertThat(get("/request/requester")).hasRedirectedUrl("/request/patient");
		// And back to Dutch the same way.
		assertThat(this.mvc.post()
			.uri("/request/patient?lang=nl")
			.param("name", "Lotte Visser")
			.param("switchLanguage", "nl")
			.with(this.session)
			.with(csrf())).bodyText().contains("<html lang=\"nl\"").contains("value=\"Lotte Visser\"");
	}

	@Test
	void theParentalAuthorityQuestionIsForAParentAndThePhoneIsMarkedRequired() {
		post("/request/patient", Map.of("name", "Lotte Visser", "birthDate", "1-9-2016", "deceased", "false"));
		assertThat(get("/request/requester")).bodyText()
			.containsPattern("<div data-for-relation=\"PARENT\">\\s*<fieldset[^>]*id=\"parentalAuthority\"")
			.containsPattern("<script src=\"/js/relation-[0-9a-f]{32}\\.js\" defer>")
			.contains("Verplicht. Wij bellen u alleen als wij een vraag hebben over uw aanvraag.")
			.contains("aria-describedby=\"phone-hint\"");
	}

	void post(String uri, Map<String, String> fields) {
		RequestFormTests.post(this.mvc, this.session, uri, fields);
	}

	MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).with(this.session).exchange();
	}

}
