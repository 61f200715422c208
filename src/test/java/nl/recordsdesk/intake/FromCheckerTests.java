package nl.recordsdesk.intake;

import java.util.Map;

import nl.recordsdesk.TestBrowser;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import nl.recordsdesk.eligibility.ParentalAuthority;
import nl.recordsdesk.eligibility.Relation;
import nl.recordsdesk.eligibility.RequestType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * "Start this request" on the checker's answer: the answers are on the form's steps, and
 * none of them is in a URL.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class })
class FromCheckerTests {

	static final Map<String, String> PARENT_OF_A_CHILD = Map.of("requestType", "IMAGING_COPY", "birthDate", "1-5-2013",
			"deceased", "false", "relation", "PARENT", "parentalAuthority", "JOINT", "ivfTreatment", "false",
			"studiesBefore2005", "true");

	@Autowired
	MockMvcTester mvc;

	TestBrowser browser = new TestBrowser();

	@Test
	void theCheckersAnswersAreFilledInOnTheSteps() {
		MvcTestResult answer = post("/checker", PARENT_OF_A_CHILD);
		assertThat(answer).bodyText()
			.contains("action=\"/request/from-checker\"", "Deze aanvraag beginnen")
			.contains("name=\"birthDate\" value=\"2013-05-01\"");

		MvcTestResult started = post("/request/from-checker", PARENT_OF_A_CHILD);
		assertThat(started).hasStatus3xxRedirection().hasRedirectedUrl("/request/what");
		assertThat(started.getResponse().getRedirectedUrl()).doesNotContain("2013", "PARENT", "IMAGING");

		MvcTestResult what = get("/request/what");
		assertThat(what).bodyText().contains("Uw antwoorden uit ‘Wat heb ik nodig?’ zijn ingevuld.");
		assertThat(what).model().extractingByKey("whatForm").satisfies((form) -> {
			assertThat(((WhatForm) form).getRequestType()).isEqualTo(RequestType.IMAGING_COPY);
			assertThat(((WhatForm) form).getStudiesBefore2005()).isTrue();
		});
		// Filled in is not answered: the next step waits for this one to be sent.
		assertThat(get("/request/patient")).hasRedirectedUrl("/request/what");

		assertThat(post("/request/what", Map.of("requestType", "IMAGING_COPY", "studies[0].kind", "Röntgenfoto",
				"studies[0].bodyPart", "Pols", "studiesBefore2005", "true")))
			.hasRedirectedUrl("/request/patient");
		assertThat(get("/request/patient")).bodyText().contains("value=\"1-5-2013\"");

		assertThat(post("/request/patient", Map.of("name", "Pim de Vries", "birthDate", "1-5-2013")))
			.hasRedirectedUrl("/request/requester");
		assertThat(get("/request/requester")).model().extractingByKey("requesterForm").satisfies((form) -> {
			assertThat(((RequesterForm) form).getRelation()).isEqualTo(Relation.PARENT);
			assertThat(((RequesterForm) form).getParentalAuthority()).isEqualTo(ParentalAuthority.JOINT);
		});
	}

	@Test
	void aBegunRequestKeepsItsOtherAnswersAndSaysSo() {
		post("/request/what", Map.of("requestType", "RECORD_COPY", "recordScope", "WHOLE"));
		post("/request/patient", Map.of("name", "Sanne Bakker", "birthDate", "3-3-1990", "ivfTreatment", "false"));

		MvcTestResult started = post("/request/from-checker",
				Map.of("requestType", "RECORD_COPY", "birthDate", "4-4-1991", "relation", "SELF"));
		assertThat(started).hasRedirectedUrl("/request/what");

		MvcTestResult what = get("/request/what");
		assertThat(what).bodyText().contains("Alleen die antwoorden zijn veranderd");
		assertThat(what).model().extractingByKey("whatForm").satisfies((form) -> {
			assertThat(((WhatForm) form).getRecordScope()).isEqualTo(nl.recordsdesk.requests.RecordScope.WHOLE);
		});
		post("/request/what", Map.of("requestType", "RECORD_COPY", "recordScope", "WHOLE"));
		assertThat(get("/request/patient")).bodyText().contains("value=\"Sanne Bakker\"", "value=\"4-4-1991\"");
	}

	@Test
	void anAnswerThatCannotBeReadIsLeftForTheStepToAsk() {
		MvcTestResult started = post("/request/from-checker",
				Map.of("requestType", "NO_SUCH_TYPE", "birthDate", "31-02-2013", "relation", "SELF"));
		assertThat(started).hasRedirectedUrl("/request/what");
		assertThat(get("/request/what")).hasStatusOk()
			.model()
			.extractingByKey("whatForm")
			.satisfies((form) -> assertThat(((WhatForm) form).getRequestType()).isNull());
	}

	MvcTestResult post(String path, Map<String, String> values) {
		MockMvcRequestBuilder request = this.mvc.post().uri(path).with(this.browser).with(csrf());
		values.forEach((name, value) -> request.param(name, value));
		return request.exchange();
	}

	MvcTestResult get(String path) {
		return this.mvc.get().uri(path).with(this.browser).exchange();
	}

}
