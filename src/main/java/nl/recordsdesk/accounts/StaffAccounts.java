package nl.recordsdesk.accounts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/**
 * All staff accounts. The TOTP replay column changes only through the single statement
 * below, atomic in the database, so parallel attempts are all seen. (Sign-in throttling
 * is counted in {@code SharedLimits}; the columns {@code failed_attempts} and
 * {@code locked_until} are no longer used.)
 */
interface StaffAccounts extends JpaRepository<StaffAccount, UUID> {

	/** By the lower-case username. */
	Optional<StaffAccount> findByUsername(String username);

	/**
	 * A username and the name shown for it, without the account's roles and departments.
	 */
	interface Name {

		String getUsername();

		String getDisplayName();

	}

	/** An account id and the name shown for it, without the roles and departments. */
	interface IdName {

		UUID getId();

		String getDisplayName();

	}

	/** The names behind these account ids, in one query. */
	@Query("select a.id as id, a.displayName as displayName from StaffAccount a where a.id in :ids")
	List<IdName> namesById(Collection<UUID> ids);

	/**
	 * The enabled members with a role but one, by name, in one query without their roles
	 * and departments.
	 */
	@Query("select a.username as username, a.displayName as displayName from StaffAccount a join a.roles r"
			+ " where r = :role and a.enabled = true and a.username <> :except"
			+ " order by lower(a.displayName), a.username")
	List<Name> enabledNamesWithRole(String role, String except);

	boolean existsByUsername(String username);

	/** The account linked to this identity at the hospital's provider. */
	Optional<StaffAccount> findBySsoIssuerAndSsoSubject(String ssoIssuer, String ssoSubject);

	@Query("select distinct a from StaffAccount a left join fetch a.roles left join fetch a.departments"
			+ " order by a.username")
	List<StaffAccount> findAllWithRolesAndDepartments();

	@Query("select distinct a from StaffAccount a join a.roles r left join fetch a.departments"
			+ " where r = :role and a.enabled = true")
	List<StaffAccount> findEnabledWithRole(String role);

	@Query("select count(a) > 0 from StaffAccount a join a.roles r where r = :role and a.enabled = true")
	boolean existsEnabledWithRole(String role);

	/**
	 * Takes a TOTP step as used, unless it (or a later one) already was.
	 * @return 1 if the step was accepted, 0 if it is a replay
	 */
	@Transactional
	@Modifying(flushAutomatically = true)
	@Query(value = """
			UPDATE staff_account SET totp_last_step = :step
			 WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)
			""", nativeQuery = true)
	int acceptTotpStep(UUID id, long step);

}
