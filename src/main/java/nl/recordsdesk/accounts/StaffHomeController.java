package nl.recordsdesk.accounts;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff page after sign-in: a link to each area the member's roles open, and to the
 * password change.
 */
@Controller
class StaffHomeController {

	/** The area each role opens, in the order of {@link Roles#ALL}. */
	static final List<Area> AREAS = List.of(new Area(Roles.DESK, "/desk"), new Area(Roles.PHYSICIAN, "/review"),
			new Area(Roles.PHYSICIAN, "/physician/recordings", "RECORDINGS"), new Area(Roles.ADMIN, "/admin/accounts"),
			new Area(Roles.AUDITOR, "/audit"));

	@GetMapping(SignInFlow.STAFF_HOME)
	String home(Authentication authentication, Model model) {
		model.addAttribute("member", authentication.getPrincipal());
		model.addAttribute("areas",
				AREAS.stream()
					.filter((area) -> SignInAuthorities.has(authentication, Roles.authority(area.role())))
					.toList());
		model.addAttribute("mustChangePassword", SignInAuthorities.mustChangePassword(authentication));
		// Signed in through the hospital: the password is the hospital's, not changed
		// here.
		model.addAttribute("hospitalSignIn", SignInAuthorities.has(authentication, SignInAuthorities.HOSPITAL_SIGN_IN));
		return "accounts/staff";
	}

	/**
	 * One link of the staff page; its text is {@code accounts.staff.area.<name>}, the
	 * role's name unless a role opens several areas.
	 */
	record Area(String role, String path, String name) {

		Area(String role, String path) {
			this(role, path, role);
		}

	}

}
