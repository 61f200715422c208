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

	/**
	 * The port the portal runs on in browser tests, chosen before the application starts,
	 * so the links in its e-mails ({@code recordsdesk.portal.url}) point at it.
	 */
	static final String PORT_PROPERTY = "recordsdesk.browser-test.port";

	static {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			System.setProperty(PORT_PROPERTY, Integer.toString(socket.getLocalPort()));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

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
