/**
 * Recording a consultation: the rules ({@link nl.recordsdesk.recordings.RecordingRules}),
 * the public information page, announcing a recording, asking a physician's consent to
 * publish one, and a physician asking a patient's consent to record, with the physicians'
 * inbox.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Consultation recordings",
		allowedDependencies = { "accounts", "audit", "notifications", "requests" })
package nl.recordsdesk.recordings;

import org.jspecify.annotations.NullMarked;
