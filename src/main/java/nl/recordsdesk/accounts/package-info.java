/**
 * Staff accounts and sign-in: form login with throttling, TOTP as a second factor on
 * Spring Security's multi-factor support, and the staff landing page. Other modules use
 * {@link nl.recordsdesk.accounts.Roles}, {@link nl.recordsdesk.accounts.StaffMember} and
 * {@link nl.recordsdesk.accounts.CurrentStaff}.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Staff accounts and sign-in", allowedDependencies = {})
package nl.recordsdesk.accounts;

import org.jspecify.annotations.NullMarked;
