/**
 * The requester's status and co-signing pages, opened by personal link: the status page
 * (withdrawing, a document sent later, an answer to the desk's question, a co-signer's
 * new link, the secure download) and a co-signer's page. The request's side is the
 * requests module's API ({@link nl.recordsdesk.requests.StatusPage},
 * {@link nl.recordsdesk.requests.CoSigning}); the answers are checked and uploads
 * received with the request form's parts (intake's named interface {@code forms}), so a
 * signature or a file is refused here as it is on the form.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Requester's status and co-signing pages",
		allowedDependencies = { "requests", "eligibility", "intake :: forms", "limits", "digid" })
package nl.recordsdesk.status;

import org.jspecify.annotations.NullMarked;
