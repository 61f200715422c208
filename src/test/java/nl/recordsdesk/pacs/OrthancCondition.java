package nl.recordsdesk.pacs;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs PACS tests where Debian's Orthanc and its DICOMweb plugin are installed. Elsewhere
 * they are skipped with a message in the build output; under CI ({@code CI=true}, set by
 * {@code .ci/run}, which installs them) a missing Orthanc fails the build instead.
 */
public class OrthancCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (TestOrthanc.installed()) {
			return ConditionEvaluationResult.enabled("Orthanc at " + TestOrthanc.ORTHANC);
		}
		String message = "PACS tests need Debian's Orthanc with its DICOMweb plugin (" + TestOrthanc.ORTHANC + ", "
				+ TestOrthanc.PLUGIN + "): apt-get install orthanc orthanc-dicomweb";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true and no Orthanc to test with. " + message);
		}
		System.err.println("[WARNING] SKIPPED " + context.getDisplayName() + ". " + message);
		return ConditionEvaluationResult.disabled("SKIPPED: " + message);
	}

}
