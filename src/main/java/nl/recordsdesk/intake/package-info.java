/**
 * Intake: the public request form (its steps, the answers kept in the session until they
 * are sent, the uploads received for it, the e-mail code, the start from the checker's
 * answers) and the desk's entry of a request that came on paper, which reuses the form's
 * steps. A request is filed through the requests module's API
 * ({@link nl.recordsdesk.requests.RequestFiling}). The parts the requester's status and
 * co-signing pages check their answers with are the named interface {@code forms}:
 * {@link nl.recordsdesk.intake.FormValidation} with
 * {@link nl.recordsdesk.intake.Answered} and {@link nl.recordsdesk.intake.Holds},
 * {@link nl.recordsdesk.intake.Texts}, {@link nl.recordsdesk.intake.SignatureFields},
 * {@link nl.recordsdesk.intake.RequesterForm} (the address rule) and
 * {@link nl.recordsdesk.intake.UploadReceiver}.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Intake: the request form and the paper intake",
		allowedDependencies = { "requests", "eligibility", "uploads", "limits", "digid" })
package nl.recordsdesk.intake;

import org.jspecify.annotations.NullMarked;
