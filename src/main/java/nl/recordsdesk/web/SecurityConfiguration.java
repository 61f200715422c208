package nl.recordsdesk.web;

import nl.recordsdesk.accounts.Roles;
import nl.recordsdesk.accounts.StaffSignIn;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one filter chain of the portal. Public pages and the eligibility API are open;
 * staff pages need a sign-in (password and, outside development, a TOTP code: see
 * {@link StaffSignIn}) and the role of the page; every other URL is denied until a
 * feature opens it here with an explicit matcher.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * No inline script or style anywhere: templates load {@code /css} and {@code /js}
	 * from the portal itself, which keeps this policy strict.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	/**
	 * Pages for which an anonymous visitor is sent to the login page; elsewhere a closed
	 * URL answers 403.
	 */
	static final String[] STAFF_PAGES = { "/login/**", "/staff", "/desk/**", "/review/**", "/admin/**", "/audit/**",
			"/physician/**" };

	@Bean
	SecurityFilterChain portalSecurity(HttpSecurity http, StaffSignIn staffSignIn) throws Exception {
		http.authorizeHttpRequests((
				requests) -> requests
					.requestMatchers(HttpMethod.GET, "/", "/checker", "/css/**", "/js/**", "/images/**", "/favicon.ico",
							"/favicon.svg")
					.permitAll()
					.requestMatchers(HttpMethod.POST, "/checker", "/api/v1/eligibility")
					.permitAll()
					// The contact form: anyone may write to the desk (posts
					// rate-limited).
					.requestMatchers(HttpMethod.GET, "/contact", "/contact/sent")
					.permitAll()
					.requestMatchers(HttpMethod.POST, "/contact")
					.permitAll()
					// The requester's form, status page and the co-signer's page: no
					// account, the
					// session draft or a secret link is what gives access.
					.requestMatchers("/request", "/request/*", "/status/*", "/status/*/*", "/status/*/download/code",
							"/cosign/*", "/cosign/*/*")
					.permitAll()
					// DigiD for requesters (module digid): the pages
					// around the sign-in and the requester's own
					// requests, not found without a provider. The
					// sign-in has its own chain, and is never this
					// chain's authentication.
					.requestMatchers("/digid/start", "/digid/refused", "/digid/sign-out", "/my-requests",
							"/status/*/download/signed-in")
					.permitAll()
					// Recording a consultation: information, the patients' forms and
					// their
					// personal
					// links.
					.requestMatchers("/recording", "/recording/*", "/recording/*/*", "/recording/*/*/*")
					.permitAll()
					// The operators' health with details (group "operations"): like the
					// metrics,
					// only on the management server.
					.requestMatchers(new AndRequestMatcher(
							PathPatternRequestMatcher.pathPattern("/actuator/health/operations/**"),
							SecurityConfiguration::onManagementServer))
					.permitAll()
					.requestMatchers("/actuator/health/operations/**")
					.denyAll()
					.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/*", "/actuator/info")
					.permitAll()
					// Metrics for the operators' scraper, only where they arrive on the
					// management
					// server (its own port, loopback unless configured otherwise): never
					// on the
					// public port, also not when someone puts management on the public
					// port.
					.requestMatchers(new AndRequestMatcher(EndpointRequest.to("prometheus"),
							SecurityConfiguration::onManagementServer))
					.permitAll()
					// The development mailbox: its controller exists only in the dev
					// profile, so
					// elsewhere these URLs are not found.
					.requestMatchers(HttpMethod.GET, "/dev/mail", "/dev/mail/*")
					.permitAll()
					// Staff: the login page for everyone (the form posts to Spring's
					// filter); the
					// second step for whoever has given a password; the rest with every
					// factor.
					.requestMatchers(HttpMethod.GET, "/login")
					.permitAll()
					.requestMatchers("/login/totp")
					.access(StaffSignIn.passwordGiven())
					.requestMatchers("/login/password", "/staff")
					.authenticated()
					// One role per area; an administrator does not reach requests without
					// the
					// role of the desk or a physician.
					.requestMatchers("/desk/**")
					.hasRole(Roles.DESK)
					.requestMatchers("/review/**", "/physician/recordings/**")
					.hasRole(Roles.PHYSICIAN)
					.requestMatchers("/admin/**")
					.hasRole(Roles.ADMIN)
					.requestMatchers("/audit/**")
					.hasRole(Roles.AUDITOR)
					.requestMatchers("/error", RefusedPosts.PAGE)
					.permitAll()
					// The audit trail: only the auditor, not an administrator too.
					// Whoever
					// manages the accounts should not also be the one who checks their
					// use.
					.requestMatchers("/audit/**")
					.hasRole("AUDITOR")
					// The records desk and the physician's review: their own role each;
					// an
					// administrator holds neither unless given it.
					.requestMatchers("/desk/**")
					.hasRole("DESK")
					.requestMatchers("/review/**")
					.hasRole("PHYSICIAN")
					.anyRequest()
					.denyAll())
			// A JSON API without cookies or sessions: nothing for a forged request to
			// ride on.
			.csrf((csrf) -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.pathPattern("/api/v1/eligibility"),
					SecurityConfiguration::uploadTooLargeToRead))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader((permissions) -> permissions.policy(PERMISSIONS_POLICY)));
		// A form posted without its session is told so, not "no access" (RefusedPosts).
		RequestMatcher staffPosts = new OrRequestMatcher(StaffSignIn.signInPages(STAFF_PAGES),
				PathPatternRequestMatcher.pathPattern("/logout"));
		http.exceptionHandling((exceptions) -> exceptions.defaultAccessDeniedHandlerFor(new RefusedPosts(staffPosts),
				AnyRequestMatcher.INSTANCE));
		staffSignIn.applyTo(http, STAFF_PAGES);
		return http.build();
	}

	/**
	 * A multipart post whose body is too large to be read. Its CSRF token is a hidden
	 * field in that body (never in the URL, where logs, proxies and the Referer would
	 * carry it), so it cannot be checked; refusing it as forged would show the "session
	 * expired" page instead of the form's own message about the file's size. It may pass:
	 * the {@code DispatcherServlet} parses the body before any controller is chosen,
	 * fails the same way (Tomcat keeps the failure) and answers with
	 * {@code UploadTooLarge}'s redirect to the page, which changes nothing. Any other
	 * unreadable body, and every readable one, has its token checked. Needs
	 * {@code spring.servlet.multipart.resolve-lazily=false} (the default).
	 */
	static boolean uploadTooLargeToRead(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (!"POST".equals(request.getMethod()) || contentType == null
				|| !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
			return false;
		}
		try {
			new StandardServletMultipartResolver().resolveMultipart(request);
			return false;
		}
		catch (MaxUploadSizeExceededException ex) {
			return true;
		}
		catch (MultipartException ex) {
			return false;
		}
	}

	/**
	 * Whether the request came in on the management server: its servlet context belongs
	 * to the child context Boot starts for {@code management.server.port}.
	 */
	static boolean onManagementServer(HttpServletRequest request) {
		WebApplicationContext context = WebApplicationContextUtils
			.getWebApplicationContext(request.getServletContext());
		return context != null && WebServerApplicationContext.hasServerNamespace(context, "management");
	}

}
