package nl.recordsdesk.accounts;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts made before {@link SeparationOfDuties} may still combine {@code ADMIN} with a
 * role it now excludes. Taking a role away silently (a migration) could leave a member
 * without the access their work needs, or the hospital without an administrator; so each
 * start says which accounts they are, by id, and the account's page says what to do. The
 * roles stay until an administrator takes one away.
 */
@Component
class CombinedRolesCheck implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CombinedRolesCheck.class);

	private final StaffAccounts accounts;

	CombinedRolesCheck(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public void run(ApplicationArguments args) {
		for (StaffAccount account : this.accounts.findAllWithRolesAndDepartments()) {
			List<String> excluded = SeparationOfDuties.excluded(account.roles());
			if (!excluded.isEmpty()) {
				log.warn(
						"Staff account {} holds ADMIN together with {}, which an administrator's account may no "
								+ "longer hold: another administrator takes one away at /admin/accounts/{}",
						account.id(), String.join(",", excluded), account.id());
			}
		}
	}

}
