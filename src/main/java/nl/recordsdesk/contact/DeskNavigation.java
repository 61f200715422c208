package nl.recordsdesk.contact;

import nl.recordsdesk.accounts.CurrentStaff;
import nl.recordsdesk.accounts.Roles;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The number of open contact messages, for the desk's navigation on every desk page (the
 * desk module's and this one's). Only a count: no personal data, nothing to audit.
 */
@ControllerAdvice(basePackages = { "nl.recordsdesk.desk", "nl.recordsdesk.contact" })
class DeskNavigation {

	private final ObjectProvider<ContactMessages> messages;

	DeskNavigation(ObjectProvider<ContactMessages> messages) {
		this.messages = messages;
	}

	@ModelAttribute("openContactMessages")
	@Nullable Long openContactMessages() {
		if (CurrentStaff.find().filter((member) -> member.hasRole(Roles.DESK)).isEmpty()) {
			return null;
		}
		ContactMessages messages = this.messages.getIfAvailable();
		return (messages != null) ? messages.countByStatus(ContactStatus.OPEN) : null;
	}

}
