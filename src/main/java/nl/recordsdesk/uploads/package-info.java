/**
 * Uploads: decides whether a file a patient sends may be kept. Looks at the bytes only
 * (type, structure, pixels, viruses), never at the name or the declared type.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Upload inspection", allowedDependencies = {})
package nl.recordsdesk.uploads;

import org.jspecify.annotations.NullMarked;
