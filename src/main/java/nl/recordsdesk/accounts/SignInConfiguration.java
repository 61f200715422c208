package nl.recordsdesk.accounts;

import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.ConditionalAuthorizationManager;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Everything the portal's filter chain needs for staff sign-in, and the factors every
 * staff page requires.
 * <p>
 * Not {@code @EnableMultiFactorAuthentication}: its {@code authorities} are fixed at
 * compile time, while whether TOTP is required is a setting, so the factory is published
 * here; and the one other thing it does, joining factors on Spring's own login filters,
 * is wanted only on the TOTP step, where {@link StaffSignIn} turns it on. A password
 * given again therefore starts a new sign-in rather than keeping an earlier code.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccountsProperties.class)
// Imported rather than scanned, so that a slice test has all of sign-in with this class.
@Import({ SignInThrottle.class, SecondFactor.class, SignInFlow.class, StaffSessions.class, CommonPasswords.class })
class SignInConfiguration {

	/**
	 * Every authorization rule of the filter chain ({@code hasRole},
	 * {@code authenticated}) and of method security also requires these factors: the
	 * password and the TOTP code (or the password only, in development); or, for a member
	 * signed in through the hospital's provider (single sign-on), that sign-in, whose ID
	 * token showed a second factor there. {@code permitAll} and {@code denyAll} are not
	 * affected. A password sign-in without its code is refused for the TOTP factor only,
	 * so it is still sent to the second step.
	 */
	@Bean
	DefaultAuthorizationManagerFactory<Object> authorizationManagerFactory(AccountsProperties properties) {
		AllRequiredFactorsAuthorizationManager.Builder<Object> local = AllRequiredFactorsAuthorizationManager.builder();
		local.requireFactor((factor) -> factor.passwordAuthority());
		if (properties.requireSecondFactor()) {
			local.requireFactor((factor) -> factor.authority(SignInAuthorities.TOTP));
		}
		AllRequiredFactorsAuthorizationManager<Object> hospital = AllRequiredFactorsAuthorizationManager.builder()
			.requireFactor((factor) -> factor.authority(SignInAuthorities.HOSPITAL_SIGN_IN))
			.build();
		DefaultAuthorizationManagerFactory<Object> factory = new DefaultAuthorizationManagerFactory<>();
		factory.setAdditionalAuthorization(ConditionalAuthorizationManager
			.when((authentication) -> SignInAuthorities.has(authentication, SignInAuthorities.HOSPITAL_SIGN_IN))
			.whenTrue(hospital)
			.whenFalse(local.build())
			.build());
		return factory;
	}

	/** bcrypt now; hashes made another way still verify and are re-hashed at sign-in. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Spring Security's authentication events (success, bad credentials, locked,
	 * disabled), for the audit trail to listen to; a throttled attempt is a "locked" one.
	 */
	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
		events.setAdditionalExceptionMappings(
				Map.of(SignInThrottledException.class, AuthenticationFailureLockedEvent.class));
		return events;
	}

	@Bean
	TotpSecretCipher totpSecretCipher(AccountsProperties properties) {
		return new TotpSecretCipher(properties.totpKey());
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new DelegatingSecurityContextRepository(new HttpSessionSecurityContextRepository(),
				new RequestAttributeSecurityContextRepository());
	}

	@Bean
	StaffSignIn staffSignIn(StaffAccounts accounts, PasswordEncoder passwordEncoder, SignInThrottle throttle,
			SecondFactor secondFactor, SignInFlow flow, SecurityContextRepository securityContextRepository,
			AuthenticationEventPublisher events) {
		ProviderManager passwordStep = new ProviderManager(new StaffPasswordAuthenticationProvider(
				new StaffUserDetailsService(accounts), passwordEncoder, throttle));
		passwordStep.setAuthenticationEventPublisher(events);
		ProviderManager secondFactorStep = new ProviderManager(
				new TotpAuthenticationProvider(secondFactor, accounts, throttle));
		secondFactorStep.setAuthenticationEventPublisher(events);
		return new StaffSignIn(passwordStep, secondFactorStep, flow, securityContextRepository);
	}

}
