/**
 * The public contact form and the desk's inbox: messages from anyone, answered by e-mail
 * from the back office and kept with their answer until the retention period ends.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Contact",
		allowedDependencies = { "audit", "notifications", "accounts", "requests", "scheduling", "limits" })
package nl.recordsdesk.contact;

import org.jspecify.annotations.NullMarked;
