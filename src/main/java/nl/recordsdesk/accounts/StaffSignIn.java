package nl.recordsdesk.accounts;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.Http403ForbiddenEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.authentication.AuthenticationManager;

/**
 * Staff sign-in for the portal's filter chain, applied with
 * {@code staffSignIn.applyTo(http, signInPages)}:
 * <ul>
 * <li>form login at {@code /login}: password, throttled per username and per address; the
 * session id is renewed;</li>
 * <li>the second factor at {@code /login/totp}: a TOTP code, checked by Spring Security's
 * {@link AuthenticationFilter} with this module's converter and provider. With
 * multi-factor support on, its result joins the password step's authorities; a signed-in
 * member without the TOTP factor is sent there by Spring's missing-authority
 * handling;</li>
 * <li>sign-out with {@code POST /logout}; sessions that an administrator ended are sent
 * to the login page.</li>
 * </ul>
 * Which factors a page needs is decided by the {@code AuthorizationManagerFactory} this
 * module publishes: password and TOTP, or in development (without
 * {@code recordsdesk.accounts.require-second-factor}) the password only.
 */
public final class StaffSignIn {

	private final AuthenticationManager passwordStep;

	private final AuthenticationManager secondFactorStep;

	private final SignInFlow flow;

	private final SecurityContextRepository securityContextRepository;

	StaffSignIn(AuthenticationManager passwordStep, AuthenticationManager secondFactorStep, SignInFlow flow,
			SecurityContextRepository securityContextRepository) {
		this.passwordStep = passwordStep;
		this.secondFactorStep = secondFactorStep;
		this.flow = flow;
		this.securityContextRepository = securityContextRepository;
	}

	/**
	 * The authorization rule for the second-factor page: open to whoever has given their
	 * password, whatever else they lack.
	 */
	public static <T> AuthorizationManager<T> passwordGiven() {
		return AuthorityAuthorizationManager.hasAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY);
	}

	/**
	 * Adds staff sign-in to the chain being configured (before {@code http.build()}).
	 * @param signInPages the path patterns for which an anonymous visitor is sent to the
	 * login page; elsewhere a refused visitor gets 403, so that a closed public URL does
	 * not advertise a staff login
	 */
	public void applyTo(HttpSecurity http, String... signInPages) throws Exception {
		http.authenticationManager(this.passwordStep);
		http.securityContext((context) -> context.securityContextRepository(this.securityContextRepository));
		http.formLogin((form) -> form.loginPage(SignInFlow.LOGIN)
			.successHandler(this.flow.afterPassword())
			.failureHandler(this.flow.passwordFailed()));
		http.logout((logout) -> logout.logoutSuccessUrl(SignInFlow.LOGIN + "?logout"));
		// Renewing the session id at sign-in is Spring's default. Sessions are Spring
		// Session's, in the database: StaffSessions ends an account's sessions there.
		RequestMatcher pages = signInPages(signInPages);
		http.exceptionHandling((exceptions) -> exceptions
			.authenticationEntryPoint(DelegatingAuthenticationEntryPoint.builder()
				.addEntryPointFor(new ToLoginPage(), pages)
				.defaultEntryPoint(new Http403ForbiddenEntryPoint())
				.build())
			.defaultDeniedHandlerForMissingAuthority(new LoginUrlAuthenticationEntryPoint(SignInFlow.SECOND_FACTOR),
					SignInAuthorities.TOTP));
		AuthenticationFilter secondFactor = new AuthenticationFilter(this.secondFactorStep, new TotpCodeConverter());
		secondFactor
			.setRequestMatcher(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, SignInFlow.SECOND_FACTOR));
		secondFactor.setSuccessHandler(this.flow.afterSecondFactor());
		secondFactor.setFailureHandler(this.flow.secondFactorFailed());
		secondFactor.setSecurityContextRepository(this.securityContextRepository);
		// Joins the code's factor to the password step's authorities (same username).
		secondFactor.setMfaEnabled(true);
		http.addFilterAfter(secondFactor, UsernamePasswordAuthenticationFilter.class);
	}

	/**
	 * The matcher for the pages of staff sign-in, for the portal's handling of a refused
	 * post (an expired session's form goes to the login page too).
	 */
	public static RequestMatcher signInPages(String... signInPages) {
		return new OrRequestMatcher(
				Arrays.stream(signInPages).map(PathPatternRequestMatcher::pathPattern).toArray(RequestMatcher[]::new));
	}

	/**
	 * Whether the browser named a session that is not there (any more): it expired, was
	 * ended by an administrator's change, or belongs to a database that was reset.
	 */
	static boolean sessionExpired(HttpServletRequest request) {
		return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
	}

	/**
	 * The login page, with the notice that the session ended when the browser still named
	 * one: staff whose session expired learn why they must sign in again.
	 */
	private static final class ToLoginPage extends LoginUrlAuthenticationEntryPoint {

		ToLoginPage() {
			super(SignInFlow.LOGIN);
		}

		@Override
		protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) {
			return sessionExpired(request) ? SignInFlow.LOGIN + "?expired" : SignInFlow.LOGIN;
		}

	}

}
