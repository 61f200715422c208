/**
 * The development DigiD provider: an OpenID Connect provider (Spring Authorization
 * Server) inside the portal, at {@code /dev/digid}, with a few test identities and a page
 * to choose one and a level. On the classpath of {@code ./mvnw spring-boot:run} and the
 * tests only: the executable jar leaves its library out, so this module cannot run in
 * production. Switched on by {@code recordsdesk.dev-digid.enabled} (the dev profile and
 * the tests), and only while no real {@code digid} registration is configured.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Development DigiD provider",
		allowedDependencies = { "digid" })
package nl.recordsdesk.devdigid;

import org.jspecify.annotations.NullMarked;
