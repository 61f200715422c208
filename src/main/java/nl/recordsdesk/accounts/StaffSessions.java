package nl.recordsdesk.accounts;

import java.util.HashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The sessions of staff members, so that disabling an account, resetting its password or
 * second factor, or changing its roles ends its sessions at once rather than at their
 * next timeout. Sessions are Spring Session's, in PostgreSQL and indexed by the
 * principal's name (the username): deleting them there ends them on every instance, and
 * the next request with such a session's cookie is anonymous (sent to the login page with
 * a notice).
 */
class StaffSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	StaffSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/**
	 * Ends every session of the account except the caller's own. Call it outside any
	 * transaction (after the change was committed): it reads and deletes on a connection
	 * of its own.
	 * @param username the account's username, under which its sessions are indexed
	 * @param request the caller's request, whose session is kept (under its id before and
	 * after a renewal in this request, which is not yet saved)
	 */
	void endAll(String username, HttpServletRequest request) {
		Set<String> own = new HashSet<>();
		if (request.getRequestedSessionId() != null) {
			own.add(request.getRequestedSessionId());
		}
		HttpSession current = request.getSession(false);
		if (current != null) {
			own.add(current.getId());
		}
		for (String id : this.sessions.findByPrincipalName(username).keySet()) {
			if (!own.contains(id)) {
				this.sessions.deleteById(id);
			}
		}
	}

}
