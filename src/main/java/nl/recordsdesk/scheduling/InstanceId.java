package nl.recordsdesk.scheduling;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Names this process in {@code scheduled_job_run}: the configured
 * {@code recordsdesk.scheduling.instance-id}, or host name and process id.
 */
record InstanceId(String value) {

	static InstanceId of(String configured) {
		if (!configured.isBlank()) {
			return new InstanceId(configured.strip());
		}
		return new InstanceId(hostName() + "-" + ProcessHandle.current().pid());
	}

	private static String hostName() {
		String fromEnvironment = System.getenv("HOSTNAME");
		if (fromEnvironment != null && !fromEnvironment.isBlank()) {
			return fromEnvironment.strip();
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown-host";
		}
	}

}
