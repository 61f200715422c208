/**
 * The records desk: the queue of requests, the request page with its checks and actions,
 * and the dashboard. Every read and change is audited.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Records desk", allowedDependencies = { "requests",
		"eligibility", "audit", "uploads", "accounts", "letters", "notifications", "scheduling", "csv", "ehr", "pacs" })
package nl.recordsdesk.desk;

import org.jspecify.annotations.NullMarked;
