package nl.recordsdesk.devdb;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the development database keeps its data and on which port it listens.
 *
 * @param directory the PostgreSQL data directory, kept between runs
 * @param port the port to listen on; 0 picks a free one at every start
 * @param database the database the portal uses, created on first start
 */
@ConfigurationProperties("recordsdesk.dev-database")
record DevDatabaseProperties(@DefaultValue(".data/postgres") Path directory, @DefaultValue("0") int port,
		@DefaultValue("recordsdesk") String database) {

}
