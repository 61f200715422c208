package nl.recordsdesk.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Who works here, for other modules: the physicians a request can go to, and the names
 * behind the account ids they store.
 */
public interface StaffDirectory {

	/** Every enabled physician, by name. */
	List<StaffMember> physicians();

	/**
	 * The enabled physicians of a department (compared without regard to case), by name.
	 */
	List<StaffMember> physiciansOf(String department);

	/** A member by account id, enabled or not (a past decider stays known). */
	Optional<StaffMember> find(UUID id);

	/** An enabled member by username, as colleagues name each other (for a hand-over). */
	Optional<StaffMember> findEnabled(String username);

	/**
	 * The colleagues a member can hand a request over to: every enabled account with the
	 * desk role but the member's own, username to display name, in name order; one query.
	 */
	Map<String, String> deskColleaguesOf(String username);

	/** The display names of the given accounts; unknown ids are left out. */
	Map<UUID, String> namesOf(Collection<UUID> ids);

	/**
	 * The display names behind the usernames a request's history stores; unknown ones
	 * (such as "SYSTEM" or a requester's role) are left out.
	 */
	Map<String, String> namesByUsername(Collection<String> usernames);

	/**
	 * The display names of the handlers a page lists (an unassigned line has none), in
	 * one statement.
	 */
	default Map<String, String> namesOfHandlers(Stream<@Nullable String> usernames) {
		return namesByUsername(
				usernames.filter(Objects::nonNull).map(Objects::requireNonNull).collect(Collectors.toSet()));
	}

}
