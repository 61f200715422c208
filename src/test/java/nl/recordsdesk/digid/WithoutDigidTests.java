package nl.recordsdesk.digid;

import nl.recordsdesk.TestBrowser;
import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Without a DigiD provider the portal is as it was: no button, no sign-in chain, the
 * DigiD pages and the own-requests page not found, the ID copy asked as before.
 */
@SpringBootTest(properties = "recordsdesk.dev-digid.enabled=false")
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class })
class WithoutDigidTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void thereIsNoDigidAnywhere() {
		assertThat(this.context.getBeansOfType(SecurityFilterChain.class)).doesNotContainKeys("digidSignIn",
				"devDigidProvider");
		assertThat(this.mvc.get().uri("/")).hasStatusOk().bodyText().doesNotContain("Inloggen met DigiD");
		assertThat(this.mvc.get().uri("/digid/start")).hasStatus(404);
		assertThat(this.mvc.get().uri("/digid/refused?reason=level")).hasStatus(404);
		assertThat(this.mvc.get().uri("/my-requests")).hasStatus(404);
		assertThat(this.mvc.get().uri("/digid/authorize/digid")).hasStatus(403);
		assertThat(this.mvc.get().uri("/dev/digid/choose")).hasStatus(403);

		TestBrowser browser = new TestBrowser();
		assertThat(this.mvc.post()
			.uri("/request/what")
			.param("requestType", "RECORD_COPY")
			.param("recordScope", "WHOLE")
			.with(browser)
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(this.mvc.post()
			.uri("/request/patient")
			.param("name", "Zonder DigiD")
			.param("birthDate", "1-2-1970")
			.param("deceased", "false")
			.with(browser)
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/request/requester").with(browser)).hasStatusOk()
			.bodyText()
			.contains("Ik ben de patiënt")
			.doesNotContain("Inloggen met DigiD");
	}

}
