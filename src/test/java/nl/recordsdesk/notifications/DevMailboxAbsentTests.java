package nl.recordsdesk.notifications;

import nl.recordsdesk.web.WebSliceConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Outside the dev profile there is no development mailbox to read. */
@WebMvcTest(DevMailboxController.class)
@Import({ WebSliceConfiguration.class, DevMailbox.class })
class DevMailboxAbsentTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void theMailboxDoesNotExist() {
		assertThat(this.context.getBeanNamesForType(DevMailboxController.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(DevMailbox.class)).isEmpty();
		assertThat(this.mvc.get().uri("/dev/mail")).hasStatus(404);
		assertThat(this.mvc.get().uri("/dev/mail/{id}", "0b7e0c9c-3f4e-4a53-9d6e-0f1c2b3a4d5e")).hasStatus(404);
	}

}
