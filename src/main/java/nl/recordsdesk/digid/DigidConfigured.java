package nl.recordsdesk.digid;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Whether requesters can sign in with DigiD: a {@code digid} registration is configured,
 * or the development provider is switched on and on the classpath (never in the jar).
 * Read from the configuration alone, so that it holds before any bean exists.
 */
public class DigidConfigured extends SpringBootCondition {

	/** The client id of the broker's registration. */
	static final String CLIENT_ID = "spring.security.oauth2.client.registration.digid.client-id";

	/**
	 * Switches on the development provider ({@code devdigid}); set in the dev profile.
	 */
	public static final String DEV_PROVIDER = "recordsdesk.dev-digid.enabled";

	/** A class that exists only where the development provider's library is. */
	public static final String DEV_PROVIDER_CLASS = "org.springframework.security.oauth2.server.authorization.OAuth2Authorization";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return holds(context.getEnvironment(), context.getClassLoader()) ? ConditionOutcome.match("DigiD configured")
				: ConditionOutcome.noMatch("no DigiD registration and no development provider");
	}

	static boolean holds(Environment environment, @org.jspecify.annotations.Nullable ClassLoader classLoader) {
		return environment.containsProperty(CLIENT_ID) || devProvider(environment, classLoader);
	}

	/** Whether the development provider serves the sign-in. */
	public static boolean devProvider(Environment environment,
			@org.jspecify.annotations.Nullable ClassLoader classLoader) {
		return !environment.containsProperty(CLIENT_ID)
				&& environment.getProperty(DEV_PROVIDER, Boolean.class, Boolean.FALSE)
				&& ClassUtils.isPresent(DEV_PROVIDER_CLASS, classLoader);
	}

}
