/**
 * Staff accounts and sign-in: form login with throttling, TOTP as a second factor on
 * Spring Security's multi-factor support, or single sign-on through the hospital's OpenID
 * Connect provider (its second factor, its groups as roles), the administrators' account
 * pages and the staff landing page. Other modules use
 * {@link nl.recordsdesk.accounts.Roles}, {@link nl.recordsdesk.accounts.StaffMember},
 * {@link nl.recordsdesk.accounts.CurrentStaff} and
 * {@link nl.recordsdesk.accounts.StaffDirectory}.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Staff accounts and sign-in",
		allowedDependencies = { "limits", "audit" })
package nl.recordsdesk.accounts;

import org.jspecify.annotations.NullMarked;
