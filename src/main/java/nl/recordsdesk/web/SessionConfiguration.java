package nl.recordsdesk.web;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * HTTP sessions in PostgreSQL through Spring Session JDBC (auto-configured by Spring
 * Boot; settings in {@code application.properties}, tables in {@code V13}). Several
 * things differ from its defaults:
 * <ul>
 * <li>its statements join a transaction that is already open instead of suspending it for
 * one of their own ({@code REQUIRES_NEW}): a request holds one database connection at a
 * time. Sessions are read and written in the filter chain, outside any transaction, so in
 * practice each session operation is a short transaction of its own;</li>
 * <li>an attribute that no longer deserializes (a session written by an older release
 * whose class has changed incompatibly) is taken as absent, as if the session had
 * expired: the visitor starts again or signs in again rather than getting an error
 * page;</li>
 * <li>an attribute is added with PostgreSQL's {@code INSERT ... ON CONFLICT DO UPDATE}:
 * two requests of one session at the same moment (two tabs, a page and its download) that
 * both set a new attribute, such as the CSRF token after a sign-in, would otherwise fail
 * on the attribute's primary key, and the page that lost would break off while it was
 * being sent;</li>
 * <li>a session's row is rewritten only when something in it changed (its id at sign-in,
 * its owner, its time-out) or its last access is more than {@link #ACCESS_WRITE_INTERVAL}
 * old ({@link #SPARING_UPDATE}). Spring Session writes the last access at the end of
 * every request, so every page a clerk opens would otherwise update (and lock) the row;
 * now a clerk working through the queue writes it about once a minute. The price: a
 * session idle for 29 of its 30 minutes may expire up to a minute early;</li>
 * <li>the cookie is named {@code __Host-SESSION} wherever it is {@code Secure} (all but
 * the {@code dev} profile over plain http), on path {@code /} and without a domain: a
 * browser then takes it only from this host over https, never from a sibling domain or
 * http (ASVS 5.0 3.3.1). Without {@code Secure} a browser refuses a {@code __Host-}
 * cookie, so there it stays {@code SESSION}. A name set in
 * {@code server.servlet.session.cookie.name} is kept as it is;</li>
 * <li>the lookup Spring Session makes right after saving a session, only to learn whether
 * its cookie must be sent again, is answered from the session it just saved
 * ({@link JustSavedSession}): one query and one deserialisation less per request.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

	static final String HOST_COOKIE = "__Host-SESSION";

	static final String PLAIN_COOKIE = "SESSION";

	/** How stale the stored last access of a session may become before it is written. */
	static final Duration ACCESS_WRITE_INTERVAL = Duration.ofMinutes(1);

	/**
	 * Spring Session's update of a session's row, with the same six parameters in the
	 * same order, that leaves the row alone while only a recent last access would change.
	 */
	static final String SPARING_UPDATE = """
			UPDATE %TABLE_NAME% s
			SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
			    MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time,
			    PRINCIPAL_NAME = v.principal_name
			FROM (SELECT CAST(? AS CHAR(36)) AS session_id, CAST(? AS BIGINT) AS last_access_time,
			             CAST(? AS INT) AS max_inactive_interval, CAST(? AS BIGINT) AS expiry_time,
			             CAST(? AS VARCHAR(100)) AS principal_name, CAST(? AS CHAR(36)) AS primary_id) v
			WHERE s.PRIMARY_ID = v.primary_id
			  AND (s.SESSION_ID <> v.session_id OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
			       OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
			       OR s.LAST_ACCESS_TIME < v.last_access_time - %INTERVAL%)
			""".replace("%INTERVAL%", Long.toString(ACCESS_WRITE_INTERVAL.toMillis()));

	/** Spring Session's lookup right after it saved a session, answered from memory. */
	@Bean
	static BeanPostProcessor justSavedSession() {
		return JustSavedSession.postProcessor();
	}

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer concurrentAttributeWrites() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sparingLastAccessWrites() {
		return (repository) -> repository.setUpdateSessionQuery(SPARING_UPDATE);
	}

	@Bean
	DefaultCookieSerializerCustomizer hostPrefixedSessionCookie(ServerProperties server) {
		Cookie cookie = server.getServlet().getSession().getCookie();
		return (serializer) -> {
			if (cookie.getName() != null) {
				return;
			}
			if (hostPrefixAllowed(cookie)) {
				serializer.setCookieName(HOST_COOKIE);
				serializer.setCookiePath("/");
			}
			else {
				serializer.setCookieName(PLAIN_COOKIE);
			}
		};
	}

	/** A {@code __Host-} cookie must be Secure, on path {@code /}, without a domain. */
	static boolean hostPrefixAllowed(Cookie cookie) {
		return Boolean.TRUE.equals(cookie.getSecure()) && cookie.getDomain() == null
				&& (cookie.getPath() == null || "/".equals(cookie.getPath()));
	}

	/** By name: Spring Session's configuration looks for this bean. */
	@Bean
	TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactionManager) {
		TransactionTemplate template = new TransactionTemplate(transactionManager);
		template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
		return template;
	}

	/** By name: Spring Session's configuration looks for this bean. */
	@Bean
	ConversionService springSessionConversionService() {
		ClassLoader classLoader = SessionConfiguration.class.getClassLoader();
		DeserializingConverter deserializer = new DeserializingConverter(classLoader);
		GenericConversionService conversions = new GenericConversionService();
		conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
		conversions.addConverter(byte[].class, Object.class, (byte[] bytes) -> {
			try {
				return deserializer.convert(bytes);
			}
			catch (RuntimeException ex) {
				// The class name only: the attribute's content may be personal data.
				log.warn("A session attribute could not be read and is dropped ({})", ex.getClass().getName());
				return null;
			}
		});
		return conversions;
	}

}
