package nl.recordsdesk.audit;

import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Persists Spring Security's authentication and authorization-denied events in the audit
 * trail (ASVS 5.0: log every authentication attempt and every refused access).
 * <p>
 * The listeners run in the thread that signs in or is refused, while it still has its web
 * request. When the record cannot be written the exception reaches Spring Security, and
 * the sign-in fails with it: no sign-in without its record.
 */
@Component
class SecurityEventsAudit {

	private static final String FACTOR_PREFIX = "FACTOR_";

	private static final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private final JdbcAuditLog log;

	SecurityEventsAudit(JdbcAuditLog log) {
		this.log = log;
	}

	/**
	 * The security context is filled only after this event, so the user comes from the
	 * event. With multi-factor sign-in each factor raises one; the detail names the
	 * factors proven so far.
	 */
	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		this.log.securityEvent(AuditAction.SIGN_IN, AuditOutcome.SUCCESS, Actor.of(authentication),
				factors(authentication));
	}

	/**
	 * Never the name that was typed: people type their password into the name field, and
	 * this table keeps what it holds for good. Only a user the security context already
	 * knows is named: one who proved a first factor and failed the second. The address
	 * and the kind of failure (the exception's type: wrong credentials, locked, disabled)
	 * remain, which is what spotting guessing needs.
	 */
	@EventListener
	void signInFailed(AbstractAuthenticationFailureEvent event) {
		this.log.securityEvent(AuditAction.SIGN_IN_FAILED, AuditOutcome.FAILURE, Actor.current(),
				event.getException().getClass().getSimpleName());
	}

	/** The context is already cleared when this event comes; the event names the user. */
	@EventListener
	void signedOut(LogoutSuccessEvent event) {
		this.log.securityEvent(AuditAction.SIGN_OUT, AuditOutcome.SUCCESS, Actor.of(event.getAuthentication()), null);
	}

	/**
	 * Only refusals of signed-in users. An anonymous refusal is the way to the sign-in
	 * page, or the internet trying URLs: thousands of records about no one, burying the
	 * ones that matter. A refusal for a missing second factor is part of signing in, not
	 * a refused access; the sign-in records show how far a user got.
	 */
	@EventListener
	void accessDenied(AuthorizationDeniedEvent<?> event) {
		Authentication authentication = event.getAuthentication().get();
		if (!trust.isAuthenticated(authentication)
				|| event.getAuthorizationResult() instanceof FactorAuthorizationDecision) {
			return;
		}
		this.log.securityEvent(AuditAction.ACCESS_DENIED, AuditOutcome.DENIED, Actor.of(authentication),
				what(event.getObject()));
	}

	private static @Nullable String factors(Authentication authentication) {
		String factors = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith(FACTOR_PREFIX))
			.sorted()
			.distinct()
			.collect(Collectors.joining(","));
		return factors.isEmpty() ? null : "factors=" + factors;
	}

	/**
	 * The method and path that were refused, without the query string: a query may carry
	 * what was searched for, such as a patient's name.
	 */
	static String what(Object secured) {
		if (secured instanceof HttpServletRequest request) {
			String uri = request.getRequestURI();
			String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
			return request.getMethod() + " " + path;
		}
		if (secured instanceof MethodInvocation invocation) {
			return invocation.getMethod().getDeclaringClass().getSimpleName() + "." + invocation.getMethod().getName();
		}
		return secured.getClass().getSimpleName();
	}

}
