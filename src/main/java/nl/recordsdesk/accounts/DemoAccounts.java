package nl.recordsdesk.accounts;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Development only: one account per role with a known password, created when missing, and
 * a banner at start that says how to sign in. Without the {@code dev} profile this class
 * does not exist, and neither do these accounts.
 */
@Component
@Profile("dev")
class DemoAccounts implements ApplicationRunner {

	/** Known to every developer, so never anything but a development password. */
	static final String PASSWORD = "ontwikkelen-only";

	static final List<Demo> ACCOUNTS = List.of(new Demo("balie", "Demo Balie", Set.of(Roles.DESK), Set.of()),
			new Demo("arts", "Demo Arts", Set.of(Roles.PHYSICIAN), Set.of("Cardiologie", "Interne geneeskunde")),
			new Demo("beheer", "Demo Beheer", Set.of(Roles.ADMIN), Set.of()),
			new Demo("auditor", "Demo Auditor", Set.of(Roles.AUDITOR), Set.of()));

	private final StaffAccounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final AccountsProperties properties;

	private final Clock clock;

	private final Environment environment;

	DemoAccounts(StaffAccounts accounts, PasswordEncoder passwordEncoder, AccountsProperties properties, Clock clock,
			Environment environment) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.properties = properties;
		this.clock = clock;
		this.environment = environment;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		for (Demo demo : ACCOUNTS) {
			if (!this.accounts.existsByUsername(demo.username())) {
				this.accounts.save(new StaffAccount(demo.username(), demo.name(), demo.username() + "@example.invalid",
						this.passwordEncoder.encode(PASSWORD), demo.roles(), demo.departments(), false,
						this.clock.instant()));
			}
		}
		// A banner for the person at the console, like Spring Boot's own, not a log line.
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		System.out.println(banner("http://localhost:" + port + "/login", this.properties.requireSecondFactor()));
	}

	static String banner(String loginUrl, boolean secondFactor) {
		StringBuilder banner = new StringBuilder();
		banner.append("\n==================================================================\n");
		banner.append(" Staff sign-in (dev profile only): ").append(loginUrl).append('\n');
		banner.append(" Password for every demo account: ").append(PASSWORD).append('\n');
		for (Demo demo : ACCOUNTS) {
			banner.append(String.format("   %-8s %s%n", demo.username(), String.join(", ", demo.roles())));
		}
		banner.append(secondFactor ? " A TOTP app is asked for at the first sign-in.\n"
				: " No second factor in dev (recordsdesk.accounts.require-second-factor=false).\n");
		banner.append("==================================================================\n");
		return banner.toString();
	}

	record Demo(String username, String name, Set<String> roles, Set<String> departments) {

	}

}
