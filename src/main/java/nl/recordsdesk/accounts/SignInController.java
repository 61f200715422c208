package nl.recordsdesk.accounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sign-in pages: the login form, the second factor (with enrolment at the first
 * sign-in) and the password change. The posts of the first two go to Spring Security's
 * filters; only the password change is handled here.
 */
@Controller
class SignInController {

	private final SecondFactor secondFactor;

	private final PasswordChange passwordChange;

	private final SignInThrottle throttle;

	private final SignInFlow flow;

	private final StaffSessions sessions;

	private final SecurityContextRepository securityContextRepository;

	private final CommonPasswords commonPasswords;

	private final Clock clock;

	/**
	 * Whether staff may sign in through the hospital's provider: its client registration
	 * ({@code staff}) is configured ({@link StaffSsoConfiguration}).
	 */
	private final boolean singleSignOn;

	SignInController(SecondFactor secondFactor, PasswordChange passwordChange, SignInThrottle throttle, SignInFlow flow,
			StaffSessions sessions, SecurityContextRepository securityContextRepository,
			CommonPasswords commonPasswords, Clock clock,
			@Value("${spring.security.oauth2.client.registration.staff.client-id:}") String ssoClientId) {
		this.secondFactor = secondFactor;
		this.passwordChange = passwordChange;
		this.throttle = throttle;
		this.flow = flow;
		this.sessions = sessions;
		this.securityContextRepository = securityContextRepository;
		this.commonPasswords = commonPasswords;
		this.clock = clock;
		this.singleSignOn = !ssoClientId.isBlank();
	}

	@GetMapping(SignInFlow.LOGIN)
	String login(HttpServletRequest request, Model model) {
		String username = null;
		if (has(request, "error")) {
			AuthenticationException failure = takeFailure(request);
			model.addAttribute("failure", failureMessage(failure));
			if (failure != null && failure.getAuthenticationRequest() != null) {
				username = failure.getAuthenticationRequest().getName();
			}
		}
		else if (has(request, "logout")) {
			model.addAttribute("notice", new Message("accounts.login.signedOut"));
		}
		else if (has(request, "expired")) {
			model.addAttribute("notice", new Message("accounts.login.expired"));
		}
		model.addAttribute("loginForm", new LoginForm(username));
		if (this.singleSignOn) {
			model.addAttribute("singleSignOn", StaffSsoConfiguration.START);
		}
		return "accounts/login";
	}

	@GetMapping(SignInFlow.SECOND_FACTOR)
	String secondFactor(Authentication authentication, HttpServletRequest request, Model model) {
		StaffMember member = (StaffMember) authentication.getPrincipal();
		if (has(request, "error") && takeFailure(request) != null) {
			model.addAttribute("failure", new Message("accounts.totp.wrong"));
		}
		model.addAttribute("codeForm", new CodeForm());
		if (this.secondFactor.enrolled(member.id())) {
			return "accounts/totp";
		}
		HttpSession session = request.getSession();
		String secret = this.secondFactor.openPending(member.id(), session.getAttribute(SignInFlow.PENDING_SECRET));
		if (secret == null) {
			secret = SecondFactor.newSecret();
			session.setAttribute(SignInFlow.PENDING_SECRET, this.secondFactor.sealPending(member.id(), secret));
		}
		model.addAttribute("enrolment", this.secondFactor.enrolment(member, secret));
		return "accounts/totp-enrol";
	}

	@GetMapping(SignInFlow.PASSWORD)
	String passwordForm(Authentication authentication, Model model) {
		if (SignInAuthorities.has(authentication, SignInAuthorities.HOSPITAL_SIGN_IN)) {
			// The password is the hospital's: nothing to change here.
			return "redirect:" + SignInFlow.STAFF_HOME;
		}
		model.addAttribute("passwordChangeForm", new PasswordChangeForm());
		return passwordView(authentication, model);
	}

	@PostMapping(SignInFlow.PASSWORD)
	String changePassword(@ModelAttribute PasswordChangeForm passwordChangeForm, BindingResult binding,
			Authentication authentication, Model model, RedirectAttributes redirect, HttpServletRequest request,
			HttpServletResponse response) {
		StaffMember member = (StaffMember) authentication.getPrincipal();
		passwordChangeForm.validate(binding, member.username(), this.commonPasswords);
		if (binding.hasErrors()) {
			return passwordView(authentication, model);
		}
		String address = request.getRemoteAddr();
		Optional<StaffAccount> changed;
		try {
			this.throttle.checkAllowed(member.username(), address);
			changed = this.passwordChange.change(member.id(), passwordChangeForm.currentPassword(),
					passwordChangeForm.newPassword());
			if (changed.isEmpty()) {
				Optional<SignInThrottledException> lock = this.throttle.failed(member.username(), address);
				if (lock.isPresent()) {
					throw lock.get();
				}
				binding.rejectValue("currentPassword", "accounts.password.current.wrong");
				return passwordView(authentication, model);
			}
		}
		catch (SignInThrottledException ex) {
			SignInFlow.signOut(request);
			SignInFlow.remember(request, ex);
			return "redirect:" + SignInFlow.LOGIN + "?error";
		}
		this.throttle.succeeded(member.username(), address);
		Authentication renewed = withRoles(authentication, changed.get());
		// A new password is a new sign-in: a new session id, and no other session left.
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(renewed);
		SecurityContextHolder.setContext(context);
		this.securityContextRepository.saveContext(context, request, response);
		this.sessions.endAll(member.username(), request);
		redirect.addFlashAttribute("passwordChanged", true);
		return "redirect:" + this.flow.continuation(request, response);
	}

	private static String passwordView(Authentication authentication, Model model) {
		model.addAttribute("required", SignInAuthorities.mustChangePassword(authentication));
		model.addAttribute("minLength", PasswordChangeForm.MIN_LENGTH);
		return "accounts/password";
	}

	/** The factors already given, and now the account's roles instead of the demand. */
	private static Authentication withRoles(Authentication current, StaffAccount account) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		current.getAuthorities()
			.stream()
			.filter((authority) -> authority.getAuthority() != null && authority.getAuthority().startsWith("FACTOR_"))
			.forEach(authorities::add);
		authorities.addAll(SignInAuthorities.roles(account.roles()));
		UsernamePasswordAuthenticationToken renewed = UsernamePasswordAuthenticationToken
			.authenticated(account.member(), null, authorities);
		renewed.setDetails(current.getDetails());
		return renewed;
	}

	/** A flag such as {@code ?logout}, which has a name but no value. */
	private static boolean has(HttpServletRequest request, String flag) {
		return request.getParameterMap().containsKey(flag);
	}

	private static @Nullable AuthenticationException takeFailure(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return null;
		}
		Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		return (failure instanceof AuthenticationException exception) ? exception : null;
	}

	/** One message for a wrong username and a wrong password alike. */
	private Message failureMessage(@Nullable AuthenticationException failure) {
		if (failure instanceof SignInThrottledException throttled) {
			String code = (throttled.scope() == SignInThrottledException.Scope.ADDRESS)
					? "accounts.login.addressBlocked" : "accounts.login.locked";
			long seconds = throttled.secondsLeft(this.clock.instant());
			return (seconds < 60) ? new Message(code + ".seconds", seconds)
					: new Message(code, throttled.minutesLeft(this.clock.instant()));
		}
		if (failure instanceof DisabledException) {
			return new Message("accounts.login.disabled");
		}
		if (failure instanceof StaffSsoRefusedException refused) {
			return new Message(refused.reason().messageCode());
		}
		if (failure instanceof OAuth2AuthenticationException) {
			return new Message("accounts.sso.failed");
		}
		return new Message("accounts.login.failed");
	}

	/** A message key and its arguments, for the page to resolve in its language. */
	record Message(String code, Object... arguments) {

	}

}
