/**
 * Uploads: decides whether a file a patient sends may be kept, keeps the accepted ones
 * ({@link nl.recordsdesk.uploads.StoredFile}, table {@code stored_file}) and scans again
 * those clamd gave no answer for. Looks at the bytes only (type, structure, pixels,
 * viruses), never at the name or the declared type. Which files a request uses, and so
 * when an unused one is purged, is the requests module's business: this module knows
 * nothing of requests.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Uploads: inspection, stored files, scans",
		allowedDependencies = { "scheduling" })
package nl.recordsdesk.uploads;

import org.jspecify.annotations.NullMarked;
