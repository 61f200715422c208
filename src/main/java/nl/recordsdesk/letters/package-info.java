/**
 * Letters: the printable PDFs of a request (the form as filed, for signing on paper) and
 * of what the desk tells the requester (acknowledgement, missing items, extension,
 * refusal, approval), in the requester's language; for the desk's request page and as
 * attachments to the requester's mail.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Letters",
		allowedDependencies = { "requests", "eligibility", "web", "audit", "notifications", "accounts" })
package nl.recordsdesk.letters;

import org.jspecify.annotations.NullMarked;
