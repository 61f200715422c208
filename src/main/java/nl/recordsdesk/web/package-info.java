/**
 * The portal's web shell: security, language selection, the shared layout and the public
 * home page, and the health the load balancer sees. Feature modules bring their own
 * controllers and templates.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Web shell",
		allowedDependencies = { "eligibility", "accounts", "limits" })
package nl.recordsdesk.web;

import org.jspecify.annotations.NullMarked;
