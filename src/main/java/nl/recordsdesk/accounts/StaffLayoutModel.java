package nl.recordsdesk.accounts;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Who is signed in, for the layout's staff bar (name, staff page, sign-out) on every
 * page; only once every required factor is given, so that the second-factor page does not
 * yet say "signed in". Only shown, never relied on: every page checks access itself.
 * <p>
 * On the staff's own pages (the areas, the staff page, the password change) a signed-in
 * member gets the staff layout: the areas their roles open instead of the public
 * navigation and the patients' footer.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class StaffLayoutModel {

	private final AccountsProperties properties;

	StaffLayoutModel(AccountsProperties properties) {
		this.properties = properties;
	}

	@ModelAttribute("currentStaff")
	@Nullable StaffMember currentStaff() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| !(authentication.getPrincipal() instanceof StaffMember member)
				|| !SignInAuthorities.complete(authentication, this.properties.requireSecondFactor())) {
			return null;
		}
		return member;
	}

	/** Whether this page is one of the staff's, shown to a signed-in member. */
	@ModelAttribute("staffLayout")
	boolean staffLayout(HttpServletRequest request) {
		if (currentStaff() == null) {
			return false;
		}
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = (failed instanceof String path) ? path : request.getRequestURI();
		String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
		return STAFF_PATHS.stream().anyMatch((prefix) -> path.equals(prefix) || path.startsWith(prefix + "/"));
	}

	/** The areas the signed-in member's roles open, for the staff layout's navigation. */
	@ModelAttribute("staffAreas")
	List<StaffHomeController.Area> staffAreas() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (currentStaff() == null || authentication == null) {
			return List.of();
		}
		return StaffHomeController.AREAS.stream()
			.filter((area) -> SignInAuthorities.has(authentication, Roles.authority(area.role())))
			.toList();
	}

	/** The staff's own pages: every area, the staff page and the password change. */
	static final List<String> STAFF_PATHS = List.of("/desk", "/review", "/physician", "/admin", "/audit",
			SignInFlow.STAFF_HOME, "/login/password");

}
