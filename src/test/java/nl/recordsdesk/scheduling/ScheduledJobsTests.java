package nl.recordsdesk.scheduling;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.annotation.Scheduled;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scheduled job has decided how it behaves on several instances: once per period
 * across the cluster ({@link OncePerPeriod}), or on every instance for a reason written
 * here (and in the README's table of jobs).
 */
class ScheduledJobsTests {

	/** Runs on every instance: each message is claimed with SKIP LOCKED. */
	static final String OUTBOX_SENDER = "nl.recordsdesk.notifications.OutboxSender.poll()";

	static final JavaClasses PORTAL = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("nl.recordsdesk");

	@Test
	void everyScheduledJobRunsOncePerPeriodOrSaysWhyNot() {
		methods().that()
			.areAnnotatedWith(Scheduled.class)
			.and()
			.doNotHaveFullName(OUTBOX_SENDER)
			.should()
			.beAnnotatedWith(OncePerPeriod.class)
			.because("a job that must run once across the instances claims its period in scheduled_job_run")
			.check(PORTAL);
	}

	@Test
	void everyJobHasANameOfItsOwn() {
		List<String> names = PORTAL.stream()
			.flatMap((type) -> type.getMethods().stream())
			.filter((method) -> method.isAnnotatedWith(OncePerPeriod.class))
			.map(JavaMethod::reflect)
			.map((method) -> method.getAnnotation(OncePerPeriod.class).value())
			.toList();
		assertThat(names).hasSizeGreaterThanOrEqualTo(7)
			.doesNotHaveDuplicates()
			.allMatch((name) -> name.matches("[a-z-]+"));
	}

	@Test
	void theOutboxSenderIsStillTheException() {
		assertThat(PORTAL.stream().flatMap((type) -> type.getMethods().stream())).anyMatch(
				(method) -> method.getFullName().equals(OUTBOX_SENDER) && method.isAnnotatedWith(Scheduled.class));
	}

}
