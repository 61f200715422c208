package nl.recordsdesk.scheduling;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The jobs' scheduler ({@code spring.task.scheduling.*}: pool size, thread names, how
 * long a shutdown waits for a running job) and the once-per-period claims. The outbox
 * sender runs on a scheduler of its own (notifications), so a mail server that hangs
 * delays mail only.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SchedulingConfiguration.class);

	/**
	 * Named {@code taskScheduler} and primary: the scheduler of every {@code @Scheduled}
	 * method that names none, in place of Boot's.
	 */
	@Bean
	@Primary
	ThreadPoolTaskScheduler taskScheduler(ThreadPoolTaskSchedulerBuilder builder) {
		return builder.configure(new ClusterTaskScheduler());
	}

	@Bean
	InstanceId instanceId(@Value("${recordsdesk.scheduling.instance-id:}") String configured) {
		InstanceId id = InstanceId.of(configured);
		log.info("Instance id {}: it claims scheduled jobs under this name (scheduled_job_run)", id.value());
		return id;
	}

	@Bean
	ScheduledJobRuns scheduledJobRuns(JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			InstanceId instance) {
		return new ScheduledJobRuns(jdbc, transactions, clock, instance);
	}

	@Bean
	JobRunPurge jobRunPurge(ScheduledJobRuns runs, Clock clock,
			@Value("${recordsdesk.scheduling.keep-runs:P28D}") Duration keep) {
		return new JobRunPurge(runs, clock, keep);
	}

	/**
	 * An infrastructure advisor, so that the proxies Spring makes for transactions apply
	 * it too; first in line, so that the claim commits before the job's transaction
	 * opens.
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor oncePerPeriodAdvisor(ObjectProvider<ScheduledJobRuns> runs) {
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
				new AnnotationMatchingPointcut(null, OncePerPeriod.class, true), new OncePerPeriodInterceptor(runs));
		advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return advisor;
	}

}
