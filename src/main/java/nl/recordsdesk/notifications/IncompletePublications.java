package nl.recordsdesk.notifications;

import java.time.Duration;

import nl.recordsdesk.scheduling.OncePerPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands the events whose listeners have not finished (an instance stopped between the
 * change's commit and the listener's, or a listener failed: a mail template that would
 * not render, the database away for a moment) to their listeners again. Spring Modulith
 * does so at every start
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}); this job does
 * it while the portal runs, once per period across the instances. Only publications older
 * than {@code recordsdesk.events.resubmit-after} are taken, so an event whose listener is
 * still at work is left to it. Should two instances hand over the same event all the same
 * (two starting at once), the listeners are idempotent: the mail's outbox key comes from
 * the event.
 */
@Component
class IncompletePublications {

	private static final Logger log = LoggerFactory.getLogger(IncompletePublications.class);

	private final IncompleteEventPublications publications;

	private final Duration minAge;

	IncompletePublications(IncompleteEventPublications publications,
			@Value("${recordsdesk.events.resubmit-after:1m}") Duration minAge) {
		this.publications = publications;
		this.minAge = minAge;
	}

	@Scheduled(fixedDelayString = "${recordsdesk.events.resubmit-interval:1m}",
			initialDelayString = "${recordsdesk.events.resubmit-interval:1m}")
	@OncePerPeriod("incomplete-event-publications")
	public void resubmit() {
		log.debug("Resubmitting event publications incomplete for {} or longer", this.minAge);
		this.publications.resubmitIncompletePublications(ResubmissionOptions.defaults().withMinAge(this.minAge));
	}

}
