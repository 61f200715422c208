package nl.recordsdesk.contact;

import nl.recordsdesk.accounts.CurrentStaff;
import nl.recordsdesk.accounts.Roles;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The number of open contact messages, for the desk's navigation on every desk page (the
 * desk module's and this one's). Only a count: no personal data, nothing to audit.
 */
@ControllerAdvice(basePackages = { "nl.recordsdesk.desk", "nl.recordsdesk.contact" })
class DeskNavigation {

	private final ObjectProvider<JdbcClient> jdbc;

	DeskNavigation(ObjectProvider<JdbcClient> jdbc) {
		this.jdbc = jdbc;
	}

	@ModelAttribute("openContactMessages")
	@Nullable Long openContactMessages() {
		if (CurrentStaff.find().filter((member) -> member.hasRole(Roles.DESK)).isEmpty()) {
			return null;
		}
		// One indexed count in auto-commit, with no transaction or entity manager of its
		// own: every desk page asks.
		JdbcClient jdbc = this.jdbc.getIfAvailable();
		return (jdbc != null) ? jdbc.sql("SELECT count(*) FROM contact_message WHERE status = :status")
			.param("status", ContactStatus.OPEN.name())
			.query(Long.class)
			.single() : null;
	}

}
