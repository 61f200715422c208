package nl.recordsdesk.accounts;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;
import org.jspecify.annotations.Nullable;

/**
 * A staff account. Changes go through its methods; the throttling columns
 * ({@code failed_attempts}, {@code locked_until}) and the last accepted TOTP step are
 * read here but written only by the atomic statements of {@link StaffAccounts}, so that
 * parallel sign-in attempts cannot overwrite each other's count.
 */
@Entity
@Table(name = "staff_account")
// Only changed columns are written: an administrator's edit never writes back a stale
// failure count.
@DynamicUpdate
class StaffAccount {

	@Id
	private UUID id;

	@Version
	private long version;

	private String username;

	@Column(name = "display_name")
	private String displayName;

	private String email;

	/** None for an account linked to the hospital's provider: it has no password. */
	@Column(name = "password_hash")
	private @Nullable String passwordHash;

	/**
	 * The provider an account signs in through (single sign-on); none for a local one.
	 */
	@Column(name = "sso_issuer")
	private @Nullable String ssoIssuer;

	/** The member's subject at that provider. */
	@Column(name = "sso_subject")
	private @Nullable String ssoSubject;

	private boolean enabled;

	@Column(name = "totp_secret")
	private @Nullable String totpSecret;

	@Column(name = "totp_enrolled_at")
	private @Nullable Instant totpEnrolledAt;

	@Column(name = "totp_last_step", insertable = false, updatable = false)
	private @Nullable Long totpLastStep;

	@Column(name = "must_change_password")
	private boolean mustChangePassword;

	@Column(name = "failed_attempts", insertable = false, updatable = false)
	private int failedAttempts;

	@Column(name = "locked_until", insertable = false, updatable = false)
	private @Nullable Instant lockedUntil;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "staff_role", joinColumns = @JoinColumn(name = "account_id"))
	@Column(name = "role")
	private Set<String> roles = new HashSet<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "staff_department", joinColumns = @JoinColumn(name = "account_id"))
	@Column(name = "department")
	private Set<String> departments = new HashSet<>();

	protected StaffAccount() {
		// for JPA
		this.id = UUID.randomUUID();
		this.username = "";
		this.displayName = "";
		this.email = "";
		this.passwordHash = "";
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	/**
	 * A new, enabled account whose password was chosen by someone else (an administrator,
	 * or the development set-up): {@code mustChangePassword} says whether its holder must
	 * replace it at first sign-in.
	 */
	StaffAccount(String username, String displayName, String email, String passwordHash, Collection<String> roles,
			Collection<String> departments, boolean mustChangePassword, Instant now) {
		this.id = UUID.randomUUID();
		this.username = normalize(username);
		this.displayName = displayName.strip();
		this.email = email.strip();
		this.passwordHash = passwordHash;
		this.enabled = true;
		this.mustChangePassword = mustChangePassword;
		this.createdAt = now;
		this.updatedAt = now;
		assign(roles, departments, now);
	}

	/**
	 * A new, enabled account for a member who signed in through the hospital's provider,
	 * linked to their identity there; it has no password and no TOTP secret (the provider
	 * asks the second factor).
	 */
	static StaffAccount linked(String issuer, String subject, String username, String displayName, String email,
			Collection<String> roles, Instant now) {
		StaffAccount account = new StaffAccount(username, displayName, email, "", roles, java.util.List.of(), false,
				now);
		account.passwordHash = null;
		account.ssoIssuer = issuer;
		account.ssoSubject = subject;
		return account;
	}

	/** Whether the account signs in through the hospital's provider only. */
	boolean linked() {
		return this.ssoSubject != null;
	}

	/**
	 * What the provider says of the member at a sign-in: their name and address, and the
	 * roles their groups map to.
	 */
	void signedInThroughProvider(String displayName, String email, Collection<String> roles, Instant now) {
		if (!displayName.isBlank()) {
			this.displayName = displayName.strip();
		}
		if (!email.isBlank()) {
			this.email = email.strip();
		}
		assign(roles, Set.copyOf(this.departments), now);
	}

	/** How usernames are stored and looked up: trimmed, lower-case. */
	static String normalize(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}

	StaffMember member() {
		return new StaffMember(this.id, this.username, this.displayName, this.roles, this.departments);
	}

	void rename(String displayName, String email, Instant now) {
		this.displayName = displayName.strip();
		this.email = email.strip();
		this.updatedAt = now;
	}

	void assign(Collection<String> roles, Collection<String> departments, Instant now) {
		for (String role : roles) {
			if (!Roles.ALL.contains(role)) {
				throw new IllegalArgumentException("Unknown role " + role);
			}
		}
		this.roles.clear();
		this.roles.addAll(roles);
		this.departments.clear();
		departments.stream()
			.map(String::strip)
			.filter((department) -> !department.isEmpty())
			.forEach(this.departments::add);
		this.updatedAt = now;
	}

	void disable(Instant now) {
		this.enabled = false;
		this.updatedAt = now;
	}

	void enable(Instant now) {
		this.enabled = true;
		this.updatedAt = now;
	}

	/** An administrator set a one-time password: its holder must replace it. */
	void resetPassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.mustChangePassword = true;
		this.updatedAt = now;
	}

	/** The holder chose a new password. */
	void changePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.mustChangePassword = false;
		this.updatedAt = now;
	}

	/** The same password, hashed again in the current default way. */
	void rehashPassword(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	void enrolSecondFactor(String encryptedSecret, Instant now) {
		this.totpSecret = encryptedSecret;
		this.totpEnrolledAt = now;
		this.updatedAt = now;
	}

	/** The holder enrols an authenticator app again at their next sign-in. */
	void resetSecondFactor(Instant now) {
		this.totpSecret = null;
		this.totpEnrolledAt = null;
		this.updatedAt = now;
	}

	boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	UUID id() {
		return this.id;
	}

	String username() {
		return this.username;
	}

	String displayName() {
		return this.displayName;
	}

	String email() {
		return this.email;
	}

	/** The password hash; empty for a linked account, which has none. */
	String passwordHash() {
		return (this.passwordHash != null) ? this.passwordHash : "";
	}

	boolean enabled() {
		return this.enabled;
	}

	boolean mustChangePassword() {
		return this.mustChangePassword;
	}

	@Nullable String totpSecret() {
		return this.totpSecret;
	}

	boolean secondFactorEnrolled() {
		return this.totpSecret != null;
	}

	@Nullable Instant totpEnrolledAt() {
		return this.totpEnrolledAt;
	}

	@Nullable Long totpLastStep() {
		return this.totpLastStep;
	}

	int failedAttempts() {
		return this.failedAttempts;
	}

	@Nullable Instant lockedUntil() {
		return this.lockedUntil;
	}

	Set<String> roles() {
		return Set.copyOf(this.roles);
	}

	Set<String> departments() {
		return Set.copyOf(this.departments);
	}

	Instant createdAt() {
		return this.createdAt;
	}

}
