package nl.recordsdesk.accounts;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside the dev profile there are no demo accounts, and their password opens nothing.
 */
@SpringBootTest(properties = { "recordsdesk.mail.poll-interval=200ms", "recordsdesk.rate-limit.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestDatabase.class, TestMail.class })
class DemoAccountsAbsentTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void noDemoAccountIsCreated() throws Exception {
		assertThat(this.context.getBeanNamesForType(DemoAccounts.class)).isEmpty();
		// The tests share one database, which a dev-profile test may have used before:
		// start from none, and run what this application runs at start again.
		this.jdbc.update("DELETE FROM staff_account WHERE username IN ('balie', 'arts', 'beheer', 'auditor')");
		for (ApplicationRunner runner : this.context.getBeansOfType(ApplicationRunner.class).values()) {
			if (runner.getClass().getName().startsWith("nl.recordsdesk.")) {
				runner.run(new DefaultApplicationArguments());
			}
		}
		for (DemoAccounts.Demo demo : DemoAccounts.ACCOUNTS) {
			assertThat(this.accounts.findByUsername(demo.username())).isEmpty();
		}
		SignInDriver browser = new SignInDriver(this.mvc, this.accounts);
		assertThat(browser.password("beheer", DemoAccounts.PASSWORD)).hasRedirectedUrl("/login?error");
	}

}
