package nl.recordsdesk.accounts;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;

/**
 * The sessions of staff members, so that disabling an account, resetting its password or
 * second factor, or changing its roles ends its sessions at once rather than at their
 * next timeout. Kept per instance, in memory (see the README on scaling out).
 */
class StaffSessions {

	private final SessionRegistry registry;

	StaffSessions(SessionRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Registers the request's session under its current id, after the id was renewed
	 * outside the form login (which registers its own).
	 */
	void register(HttpServletRequest request, StaffMember member) {
		this.registry.registerNewSession(request.getSession().getId(), member);
	}

	/** Ends every session of the account except {@code keep} (the caller's own). */
	void endAll(UUID accountId, @Nullable String keep) {
		for (Object principal : this.registry.getAllPrincipals()) {
			if (principal instanceof StaffMember member && member.id().equals(accountId)) {
				for (SessionInformation session : this.registry.getAllSessions(principal, false)) {
					if (!session.getSessionId().equals(keep)) {
						session.expireNow();
					}
				}
			}
		}
	}

}
