package nl.recordsdesk.accounts;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * A member of staff as other modules see them: who is signed in, who decided, which
 * physicians a department has. It is also the principal of a staff sign-in, so a
 * controller may take {@code @AuthenticationPrincipal StaffMember me}.
 * <p>
 * The roles are those of the account; what a signed-in member may do right now is decided
 * by the granted authorities (a member who must still change their password, for example,
 * holds none of their roles until they have).
 *
 * @param id the account's id, what other modules store (never the username)
 * @param username the lower-case sign-in name
 * @param displayName the name pages show
 * @param roles role names from {@link Roles}, sorted
 * @param departments the departments of a physician (free text such as "Cardiologie"),
 * sorted; empty for other roles
 */
public record StaffMember(UUID id, String username, String displayName, SortedSet<String> roles,
		SortedSet<String> departments) implements AuthenticatedPrincipal, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	public StaffMember {
		roles = sorted(roles);
		departments = sorted(departments);
	}

	public StaffMember(UUID id, String username, String displayName, Collection<String> roles,
			Collection<String> departments) {
		this(id, username, displayName, new TreeSet<>(roles), new TreeSet<>(departments));
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

	/** The username, as Spring Security names the principal. */
	@Override
	public String getName() {
		return this.username;
	}

	private static SortedSet<String> sorted(Collection<String> values) {
		// Unmodifiable and serializable: the member lives in the HTTP session.
		return Collections.unmodifiableSortedSet(new TreeSet<>(values));
	}

}
