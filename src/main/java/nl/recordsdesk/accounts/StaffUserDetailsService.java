package nl.recordsdesk.accounts;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The accounts as Spring Security's password check reads them. Also re-hashes a password
 * stored the old way after a successful sign-in. Deliberately not a bean: a
 * {@code UserDetailsService} bean would also become Spring Security's global
 * authentication, bypassing the throttle.
 */
final class StaffUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private final StaffAccounts accounts;

	StaffUserDetailsService(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		// No account has a control character in its name, and PostgreSQL refuses a NUL in
		// a query with an error: the same answer as any unknown name.
		if (username.chars().anyMatch((c) -> c < 0x20 || (c >= 0x7F && c <= 0x9F)) || username.length() > 200) {
			throw new UsernameNotFoundException("No such account");
		}
		// An account linked to the hospital's provider has no password: it signs in there
		// only, and here it is as unknown as a name that does not exist.
		return this.accounts.findByUsername(StaffAccount.normalize(username))
			.filter((account) -> !account.linked())
			.map(StaffUser::new)
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}

	@Override
	public UserDetails updatePassword(UserDetails user, String newPassword) {
		StaffUser staffUser = (StaffUser) user;
		return this.accounts.findById(staffUser.member().id()).map((account) -> {
			account.rehashPassword(newPassword);
			return (UserDetails) new StaffUser(this.accounts.save(account));
		}).orElse(user);
	}

	/** One account during the password check; never kept after it. */
	static final class StaffUser implements UserDetails {

		@Serial
		private static final long serialVersionUID = 1L;

		private final StaffMember member;

		private final String passwordHash;

		private final boolean enabled;

		private final List<GrantedAuthority> authorities;

		StaffUser(StaffAccount account) {
			this.member = account.member();
			this.passwordHash = account.passwordHash();
			this.enabled = account.enabled();
			this.authorities = SignInAuthorities.forAccount(account);
		}

		StaffMember member() {
			return this.member;
		}

		@Override
		public Collection<? extends GrantedAuthority> getAuthorities() {
			return this.authorities;
		}

		@Override
		public String getPassword() {
			return this.passwordHash;
		}

		@Override
		public String getUsername() {
			return this.member.username();
		}

		@Override
		public boolean isEnabled() {
			return this.enabled;
		}

	}

}
