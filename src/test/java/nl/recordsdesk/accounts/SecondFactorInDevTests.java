package nl.recordsdesk.accounts;

import nl.recordsdesk.web.WebSliceConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * As {@code application-dev.properties} sets it: the password alone opens the staff
 * pages, and still only those of the member's roles.
 */
@WebMvcTest(controllers = StaffHomeController.class)
@Import(WebSliceConfiguration.class)
@TestPropertySource(properties = "recordsdesk.accounts.require-second-factor=false")
class SecondFactorInDevTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	StaffAccountAdministration administration;

	@Test
	@WithStaff(roles = Roles.DESK, secondFactor = false)
	void thePasswordAloneSuffices() {
		assertThat(this.mvc.get().uri("/staff")).hasStatusOk().bodyText().contains("href=\"/desk\"");
		assertThat(this.mvc.get().uri("/desk")).hasStatus(404);
		assertThat(this.mvc.get().uri("/admin/accounts")).hasStatus(403);
	}

}
