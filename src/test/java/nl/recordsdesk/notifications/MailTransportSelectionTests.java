package nl.recordsdesk.notifications;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where mail goes: the SMTP server when one is configured, the development mailbox in the
 * dev profile without one, and nowhere else: then the portal does not start.
 */
class MailTransportSelectionTests {

	final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class))
		.withUserConfiguration(NotificationsConfiguration.class, DevMailbox.class)
		.withBean(Clock.class, Clock::systemUTC);

	static OutgoingMail mail() {
		return new OutgoingMail(UUID.randomUUID(), "patient@example.nl", "Onderwerp", "Tekst", "<p>Tekst</p>");
	}

	@Test
	void withoutAMailServerOutsideDevThePortalDoesNotStart() {
		this.contexts.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("set spring.mail.host"));
	}

	@Test
	void withoutAMailServerInDevMailGoesToTheMailbox() {
		this.contexts.withInitializer((context) -> context.getEnvironment().setActiveProfiles("dev")).run((context) -> {
			context.getBean(MailTransport.class).send(mail());
			assertThat(context.getBean(DevMailbox.class).newestFirst()).hasSize(1);
		});
	}

	@Test
	void withAMailServerMailGoesThereEvenInDev() {
		this.contexts.withInitializer((context) -> context.getEnvironment().setActiveProfiles("dev"))
			.withBean(JavaMailSender.class, JavaMailSenderImpl::new)
			.run((context) -> assertThat(context.getBean(MailTransport.class)).isInstanceOf(SmtpMailTransport.class));
		this.contexts.withBean(JavaMailSender.class, JavaMailSenderImpl::new)
			.run((context) -> assertThat(context).hasSingleBean(SmtpMailTransport.class)
				.doesNotHaveBean(DevMailbox.class));
	}

	@Test
	void anInvalidSenderAddressStopsTheStart() {
		this.contexts.withBean(JavaMailSender.class, JavaMailSenderImpl::new)
			.withPropertyValues("recordsdesk.mail.from=not an address")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("recordsdesk.mail.from is not a valid address"));
	}

}
