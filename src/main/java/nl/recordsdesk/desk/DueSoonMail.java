package nl.recordsdesk.desk;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import nl.recordsdesk.notifications.Outbox;
import nl.recordsdesk.requests.PortalLinks;
import nl.recordsdesk.scheduling.OncePerPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The desk's morning mail: the open requests of the queue that are overdue and those due
 * within five working days ({@link nl.recordsdesk.requests.WorkingDays}), by reference,
 * type, state and due date, with a link to each and to the queue; no patient's name (a
 * mail leaves the portal). Sent to {@code recordsdesk.desk.mail}, once per day across the
 * instances; nothing is sent when nothing is due or no address is set.
 */
@Component
class DueSoonMail {

	/** The most requests one mail lists; the mail says when there are more. */
	static final int LIMIT = 200;

	private static final Logger log = LoggerFactory.getLogger(DueSoonMail.class);

	private final DeskFigures figures;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final PortalLinks links;

	private final String address;

	private final Locale language;

	DueSoonMail(DeskFigures figures, Outbox outbox, TransactionTemplate transactions, PortalLinks links,
			@Value("${recordsdesk.desk.mail:}") String address,
			@Value("${recordsdesk.desk.mail-language:nl}") String language) {
		this.figures = figures;
		this.outbox = outbox;
		this.transactions = transactions;
		this.links = links;
		this.address = address.strip();
		this.language = Locale.forLanguageTag(language.strip());
		if (this.address.isEmpty()) {
			log.info("No recordsdesk.desk.mail set: the desk's daily mail of due requests is not sent");
		}
	}

	@Scheduled(cron = "${recordsdesk.desk.due-mail-cron:0 0 7 * * MON-FRI}",
			zone = "${recordsdesk.desk.due-mail-zone:Europe/Amsterdam}")
	@OncePerPeriod("desk-due-mail")
	public void sendDaily() {
		send();
	}

	/**
	 * Reads the due requests and queues the mail in one transaction.
	 * @return whether a mail was queued
	 */
	boolean send() {
		if (this.address.isEmpty()) {
			return false;
		}
		Boolean sent = this.transactions.execute((status) -> {
			DeskFigures.DueSoon due = this.figures.dueSoon(LIMIT);
			if (due.isEmpty()) {
				return false;
			}
			Map<String, Object> model = new HashMap<>();
			model.put("due", due);
			model.put("deskLink", this.links.base() + "/desk");
			model.put("requestLink", this.links.base() + "/desk/requests/");
			model.put(Outbox.SUBJECT_ARGS, new Object[] { due.overdue().size(), due.due().size() });
			this.outbox.queue(this.address, this.language, "desk-due-soon", model);
			return true;
		});
		if (Boolean.TRUE.equals(sent)) {
			log.info("Queued the desk's daily mail of due requests");
		}
		return Boolean.TRUE.equals(sent);
	}

}
