package nl.recordsdesk.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Chooses where mail goes, and gives the outbox sender a scheduler thread of its own.
 * Decided when the bean is created rather than with {@code @ConditionalOnBean}, which
 * cannot see Boot's auto-configured {@code JavaMailSender} from a component-scanned
 * class.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class NotificationsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(NotificationsConfiguration.class);

	static final String NO_MAIL_SERVER = "No mail server configured: set spring.mail.host (and spring.mail.port, "
			+ "spring.mail.username, spring.mail.password as the server needs). The portal does not start "
			+ "without one, so that no e-mail is silently dropped. Only the 'dev' profile runs without a mail "
			+ "server; its mail is then shown at /dev/mail.";

	/**
	 * SMTP when Boot made a {@link JavaMailSender} ({@code spring.mail.host} is set);
	 * otherwise the development mailbox, which exists only in the {@code dev} profile;
	 * otherwise no start at all.
	 */
	@Bean
	MailTransport mailTransport(ObjectProvider<JavaMailSender> mailSender, ObjectProvider<DevMailbox> devMailbox,
			MailSettings settings) {
		JavaMailSender sender = mailSender.getIfAvailable();
		if (sender != null) {
			return new SmtpMailTransport(sender, settings.from());
		}
		DevMailbox mailbox = devMailbox.getIfAvailable();
		if (mailbox != null) {
			log.info("No mail server configured: mail goes to the development mailbox at /dev/mail");
			return mailbox::deliver;
		}
		throw new IllegalStateException(NO_MAIL_SERVER);
	}

	/**
	 * The outbox sender's own thread. A mail server that accepts connections and never
	 * answers holds it for the JavaMail time-outs of every message in a batch; reminders,
	 * expiries and purges run on the jobs' scheduler meanwhile. Shuts down like that one
	 * ({@code spring.task.scheduling.shutdown.*}): a send in progress may finish.
	 */
	@Bean
	ThreadPoolTaskScheduler mailScheduler(ThreadPoolTaskSchedulerBuilder builder) {
		return builder.poolSize(1).threadNamePrefix("mail-").build();
	}

}
