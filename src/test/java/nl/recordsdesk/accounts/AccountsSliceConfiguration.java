package nl.recordsdesk.accounts;

import java.time.Clock;

import nl.recordsdesk.limits.InMemorySharedLimits;
import nl.recordsdesk.limits.SharedLimits;
import org.mockito.Mockito;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.session.FindByIndexNameSessionRepository;

/**
 * Staff sign-in for a {@code @WebMvcTest} of any module (imported by
 * {@code WebSliceConfiguration}): the real sign-in configuration and the factors it
 * requires, over an account table that is empty (a mock, as a slice has no database),
 * with the shared counts in memory. Tests there sign in with {@link WithDeskUser} and the
 * other personas.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SignInConfiguration.class)
public class AccountsSliceConfiguration {

	@Bean
	StaffAccounts staffAccounts() {
		return Mockito.mock(StaffAccounts.class);
	}

	/**
	 * The shared counts without a database (JdbcSharedLimitsTests test the real ones).
	 */
	@Bean
	SharedLimits sharedLimits(Clock clock) {
		return new InMemorySharedLimits(clock);
	}

	/** A slice has no Spring Session either: sessions are MockMvc's own there. */
	@Bean
	FindByIndexNameSessionRepository<?> sessionRepository() {
		return Mockito.mock(FindByIndexNameSessionRepository.class);
	}

}
