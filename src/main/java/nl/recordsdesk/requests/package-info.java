/**
 * Requests: the request aggregate and its workflow states, the public request form,
 * co-signing by personal link and the requester's status page.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Requests",
		allowedDependencies = { "eligibility", "notifications", "uploads", "scheduling", "limits", "audit" })
package nl.recordsdesk.requests;

import org.jspecify.annotations.NullMarked;
