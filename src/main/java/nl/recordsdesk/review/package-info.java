/**
 * Physician review: the requests about deceased patients that wait for a physician's
 * decision, and the decision with its recorded weighing.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Physician review",
		allowedDependencies = { "requests", "accounts", "eligibility", "audit" })
package nl.recordsdesk.review;

import org.jspecify.annotations.NullMarked;
