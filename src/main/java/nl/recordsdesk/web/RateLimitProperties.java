package nl.recordsdesk.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many form posts and API calls one client address may make. Every instance counts in
 * the same buckets (in PostgreSQL), so the limit holds for the portal as a whole.
 *
 * @param enabled whether posts are limited at all
 * @param capacity how many posts a client may make in a burst
 * @param refillPeriod how long it takes to earn the whole burst back
 */
@ConfigurationProperties("recordsdesk.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30") int capacity,
		@DefaultValue("1m") Duration refillPeriod) {

}
