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
 * All staff accounts. The throttling and replay columns change only through the single
 * statements below, each atomic in the database, so parallel attempts are all counted.
 */
interface StaffAccounts extends JpaRepository<StaffAccount, UUID> {

	/** By the lower-case username. */
	Optional<StaffAccount> findByUsername(String username);

	List<StaffAccount> findByUsernameIn(Collection<String> usernames);

	boolean existsByUsername(String username);

	@Query("select distinct a from StaffAccount a left join fetch a.roles left join fetch a.departments"
			+ " order by a.username")
	List<StaffAccount> findAllWithRolesAndDepartments();

	@Query("select distinct a from StaffAccount a join a.roles r left join fetch a.departments"
			+ " where r = :role and a.enabled = true")
	List<StaffAccount> findEnabledWithRole(String role);

	@Query("select distinct a from StaffAccount a left join fetch a.roles left join fetch a.departments"
			+ " where a.id in :ids")
	List<StaffAccount> findAllWithRolesAndDepartments(Collection<UUID> ids);

	@Query("select count(a) > 0 from StaffAccount a join a.roles r where r = :role and a.enabled = true")
	boolean existsEnabledWithRole(String role);

	@Query("select a.lockedUntil from StaffAccount a where a.username = :username")
	Optional<Instant> findLockedUntil(String username);

	/**
	 * One more failed attempt; the one that reaches {@code maxFailures} locks the
	 * username until {@code lockUntil} and starts the count again.
	 * @return 1 if the username exists, 0 if not
	 */
	@Transactional
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = """
			UPDATE staff_account
			   SET failed_attempts = CASE WHEN failed_attempts + 1 >= :maxFailures THEN 0 ELSE failed_attempts + 1 END,
			       locked_until = CASE WHEN failed_attempts + 1 >= :maxFailures THEN :lockUntil ELSE locked_until END
			 WHERE username = :username
			""", nativeQuery = true)
	int recordFailure(String username, int maxFailures, Instant lockUntil);

	@Transactional
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = """
			UPDATE staff_account SET failed_attempts = 0, locked_until = NULL
			 WHERE username = :username AND (failed_attempts > 0 OR locked_until IS NOT NULL)
			""", nativeQuery = true)
	int clearFailures(String username);

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
