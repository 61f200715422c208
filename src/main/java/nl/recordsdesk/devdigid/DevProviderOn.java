package nl.recordsdesk.devdigid;

import nl.recordsdesk.digid.DigidConfigured;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Switched on, its library on the classpath, and no real registration configured. Checked
 * on the class's metadata, before the class is loaded.
 */
class DevProviderOn extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return DigidConfigured.devProvider(context.getEnvironment(), context.getClassLoader())
				? ConditionOutcome.match("development DigiD provider on")
				: ConditionOutcome.noMatch("development DigiD provider off or not on the classpath");
	}

}
