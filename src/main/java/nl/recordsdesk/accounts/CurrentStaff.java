package nl.recordsdesk.accounts;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The member of staff signed in on the current request, for services that record who did
 * something. Controllers may take {@code @AuthenticationPrincipal StaffMember} instead.
 */
public final class CurrentStaff {

	private CurrentStaff() {
	}

	/** The signed-in member, if a member of staff is signed in. */
	public static Optional<StaffMember> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& authentication.getPrincipal() instanceof StaffMember member) {
			return Optional.of(member);
		}
		return Optional.empty();
	}

	/**
	 * The signed-in member.
	 * @throws IllegalStateException when no member of staff is signed in: a staff action
	 * reached without sign-in is a configuration error, never something to carry on from
	 */
	public static StaffMember get() {
		return find().orElseThrow(() -> new IllegalStateException("No member of staff is signed in"));
	}

}
