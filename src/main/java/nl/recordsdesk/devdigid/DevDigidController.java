package nl.recordsdesk.devdigid;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.recordsdesk.digid.AssuranceLevel;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Conditional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The development provider's sign-in: choose a test identity and the level to sign in at,
 * instead of DigiD's app. Every authorization asks again (the choice is forgotten once
 * its code is issued), so the next sign-in can be someone else.
 */
@Controller
@ConditionalOnClass(name = nl.recordsdesk.digid.DigidConfigured.DEV_PROVIDER_CLASS)
@Conditional(DevProviderOn.class)
class DevDigidController {

	static final String CHOOSE = "/dev/digid/choose";

	private final Clock clock;

	DevDigidController(Clock clock) {
		this.clock = clock;
	}

	@GetMapping(CHOOSE)
	String choose(Model model) {
		model.addAttribute("identities", DevIdentity.all(this.clock));
		model.addAttribute("levels", List.of(AssuranceLevel.values()));
		return "devdigid/choose";
	}

	@PostMapping(CHOOSE)
	String chosen(@RequestParam(required = false) @Nullable String identity,
			@RequestParam(required = false) @Nullable AssuranceLevel level, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (identity == null || DevIdentity.find(this.clock, identity).isEmpty() || level == null) {
			model.addAttribute("problem", true);
			return choose(model);
		}
		// The factor's time is the ID token's auth_time.
		UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken
			.authenticated(identity, null, List
				.of(FactorGrantedAuthority.withAuthority("FACTOR_DEV_DIGID").issuedAt(this.clock.instant()).build()));
		signedIn.setDetails(level.name());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(signedIn);
		DevSessions.CONTEXTS.saveContext(context, request, response);
		SavedRequest authorization = DevSessions.REQUESTS.getRequest(request, response);
		DevSessions.REQUESTS.removeRequest(request, response);
		return "redirect:" + ((authorization != null) ? authorization.getRedirectUrl() : "/");
	}

}
