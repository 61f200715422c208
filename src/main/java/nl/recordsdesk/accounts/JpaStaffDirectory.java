package nl.recordsdesk.accounts;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The staff directory from the accounts table. */
@Service
@Transactional(readOnly = true)
class JpaStaffDirectory implements StaffDirectory {

	private static final Comparator<StaffMember> BY_NAME = Comparator
		.comparing((StaffMember member) -> member.displayName().toLowerCase(Locale.ROOT))
		.thenComparing(StaffMember::username);

	private final StaffAccounts accounts;

	private final JdbcClient jdbc;

	JpaStaffDirectory(StaffAccounts accounts, JdbcClient jdbc) {
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	@Override
	public List<StaffMember> physicians() {
		return this.accounts.findEnabledWithRole(Roles.PHYSICIAN)
			.stream()
			.map(StaffAccount::member)
			.sorted(BY_NAME)
			.toList();
	}

	@Override
	public List<StaffMember> physiciansOf(String department) {
		String wanted = department.strip();
		return physicians().stream()
			.filter((member) -> member.departments().stream().anyMatch((d) -> d.equalsIgnoreCase(wanted)))
			.toList();
	}

	@Override
	public Optional<StaffMember> find(UUID id) {
		return this.accounts.findById(id).map(StaffAccount::member);
	}

	@Override
	public Optional<StaffMember> findEnabled(String username) {
		return this.accounts.findByUsername(username.strip().toLowerCase(Locale.ROOT))
			.filter(StaffAccount::enabled)
			.map(StaffAccount::member);
	}

	@Override
	public Map<String, String> deskColleaguesOf(String username) {
		Map<String, String> colleagues = new LinkedHashMap<>();
		this.accounts.enabledNamesWithRole(Roles.DESK, username)
			.forEach((name) -> colleagues.put(name.getUsername(), name.getDisplayName()));
		return colleagues;
	}

	@Override
	public Map<UUID, String> namesOf(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<UUID, String> names = new LinkedHashMap<>();
		this.accounts.namesById(ids).forEach((name) -> names.put(name.getId(), name.getDisplayName()));
		return names;
	}

	/**
	 * One statement, whatever the number of usernames, with no transaction of its own
	 * (every queue view asks): no roles or departments loaded, no entities made.
	 */
	@Override
	@Transactional(propagation = Propagation.SUPPORTS)
	public Map<String, String> namesByUsername(Collection<String> usernames) {
		if (usernames.isEmpty()) {
			return Map.of();
		}
		Map<String, String> names = new LinkedHashMap<>();
		this.jdbc.sql("SELECT username, display_name FROM staff_account WHERE username = ANY(:usernames)")
			.param("usernames", usernames.toArray(String[]::new))
			.query((row) -> {
				names.put(row.getString("username"), row.getString("display_name"));
			});
		return names;
	}

}
