/**
 * The NEN 7513 audit trail: every staff read of personal data, every change, sign-in,
 * sign-out and refusal leaves a record that can be added and read, never changed or
 * removed; the auditor searches it at {@code /audit}. Other modules write through
 * {@link nl.recordsdesk.audit.AuditLog}.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail (NEN 7513)", allowedDependencies = { "csv" })
package nl.recordsdesk.audit;

import org.jspecify.annotations.NullMarked;
