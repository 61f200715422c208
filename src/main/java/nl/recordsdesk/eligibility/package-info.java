/**
 * The eligibility rules: who may receive which copy, what the request must carry and
 * whether a physician decides first. Plain Java, no web or persistence types; one
 * implementation for the API, the public form and the back office.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Eligibility rules", allowedDependencies = {})
package nl.recordsdesk.eligibility;

import org.jspecify.annotations.NullMarked;
