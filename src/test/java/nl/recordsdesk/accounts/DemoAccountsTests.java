package nl.recordsdesk.accounts;

import nl.recordsdesk.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer gets with {@code ./mvnw spring-boot:run}: one account per role, and the
 * password alone to sign in.
 * <p>
 * In the dev profile without a mail server the outbox sender puts mail into the
 * development mailbox; this context sends none of its own, but its sender would take the
 * other tests' mail (the outbox is shared), so it polls only once an hour and is closed
 * after the class.
 */
@SpringBootTest(properties = "recordsdesk.mail.poll-interval=1h")
@ActiveProfiles("dev")
@AutoConfigureMockMvc
@Import(TestDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DemoAccountsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * The tests share one database; other profiles' tests check these accounts are not
	 * there.
	 */
	@AfterEach
	void removeDemoAccounts() {
		this.jdbc.update("DELETE FROM staff_account WHERE username IN ('balie', 'arts', 'beheer', 'auditor')");
	}

	@Autowired
	DemoAccounts demoAccounts;

	@Test
	void oneAccountPerRoleSignsInWithThePasswordAloneAndTheBannerSaysHow() {
		// This application created them at start; another test may have removed them
		// since from the shared database. Creating is "if missing", so run it again.
		this.demoAccounts.run(new DefaultApplicationArguments());

		assertThat(DemoAccounts.banner("http://localhost:8080/login", false))
			.contains("http://localhost:8080/login", DemoAccounts.PASSWORD)
			.containsPattern("balie\\s+DESK")
			.containsPattern("arts\\s+PHYSICIAN")
			.containsPattern("beheer\\s+ADMIN")
			.containsPattern("auditor\\s+AUDITOR")
			.contains("No second factor in dev");

		assertThat(this.accounts.findByUsername("balie").orElseThrow().roles()).containsExactly(Roles.DESK);
		StaffAccount physician = this.accounts.findByUsername("arts").orElseThrow();
		assertThat(physician.roles()).containsExactly(Roles.PHYSICIAN);
		assertThat(physician.departments()).containsExactlyInAnyOrder("Cardiologie", "Interne geneeskunde");
		assertThat(this.accounts.findByUsername("beheer").orElseThrow().roles()).containsExactly(Roles.ADMIN);
		assertThat(this.accounts.findByUsername("auditor").orElseThrow().roles()).containsExactly(Roles.AUDITOR);

		SignInDriver browser = new SignInDriver(this.mvc, this.accounts);
		assertThat(browser.password("balie", DemoAccounts.PASSWORD)).hasRedirectedUrl("/staff");
		assertThat(browser.get("/staff")).hasStatusOk().bodyText().contains("Welkom, Demo Balie");
		assertThat(browser.get("/desk")).hasStatusOk();
		assertThat(browser.get("/admin/accounts")).hasStatus(403);
		// Over plain http in dev the session cookie cannot be a Secure __Host- one.
		assertThat(browser.cookies().cookie().getName()).isEqualTo("SESSION");
	}

}
