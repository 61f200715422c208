/**
 * The development database: an embedded PostgreSQL for {@code ./mvnw spring-boot:run}
 * when no datasource is configured. Not part of the executable jar.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Development database", allowedDependencies = {})
package nl.recordsdesk.devdb;

import org.jspecify.annotations.NullMarked;
