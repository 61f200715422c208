package nl.recordsdesk.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs browser tests where chromium is installed. Elsewhere they are skipped with a
 * message in the build output, like Testcontainers without Docker; under CI
 * ({@code CI=true}, set by {@code .ci/run}, which installs chromium) a missing browser
 * fails the build instead.
 */
class ChromiumCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (Chromium.installed()) {
			return ConditionEvaluationResult.enabled("chromium at " + Chromium.BROWSER);
		}
		String message = "Browser tests need Debian's chromium and chromedriver (" + Chromium.BROWSER + ", "
				+ Chromium.DRIVER + "): apt-get install chromium chromium-driver";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true and no browser to test with. " + message);
		}
		System.err.println("[WARNING] SKIPPED " + context.getDisplayName() + ". " + message);
		return ConditionEvaluationResult.disabled("SKIPPED: " + message);
	}

}
