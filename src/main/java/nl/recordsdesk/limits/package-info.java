/**
 * Limits that every instance shares: counts per client address or username, kept in
 * PostgreSQL under a keyed hash, so that several instances count as one.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Shared limits", allowedDependencies = { "scheduling" })
package nl.recordsdesk.limits;

import org.jspecify.annotations.NullMarked;
