/**
 * Requests: the request aggregate and its workflow states, the staff's commands
 * ({@link nl.recordsdesk.requests.RequestWorkflow}) and read model, and the API the
 * public pages use: {@link nl.recordsdesk.requests.RequestFiling} (the form and the paper
 * intake, module {@code intake}), {@link nl.recordsdesk.requests.StatusPage} and
 * {@link nl.recordsdesk.requests.CoSigning} (module {@code status}). Which stored files a
 * request uses, and the purge of those none uses, are here; the files themselves are the
 * uploads module's.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Requests",
		allowedDependencies = { "eligibility", "notifications", "uploads", "scheduling", "audit" })
package nl.recordsdesk.requests;

import org.jspecify.annotations.NullMarked;
