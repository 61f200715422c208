package nl.recordsdesk.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import nl.recordsdesk.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances (two schedulers, two instance ids, one database) that fire the same job
 * run it once per period between them, and the claim says who ran it.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import(TestDatabase.class)
class OncePerPeriodTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void aPeriodIsRunByOneInstanceOnlyAndTheNextPeriodRunsAgain() {
		CountingJob job = new CountingJob();
		String a = "a-" + UUID.randomUUID();
		String b = "b-" + UUID.randomUUID();
		Job onA = instance(a, job);
		Job onB = instance(b, job);
		Instant period = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(3650));

		ScheduledPeriod.runIn(period, onA::run);
		ScheduledPeriod.runIn(period, onB::run);
		assertThat(job.total()).isEqualTo(1);
		assertThat(claim(period)).containsEntry("instance_id", a).containsEntry("finished", true);

		ScheduledPeriod.runIn(period.plusSeconds(60), onB::run);
		assertThat(job.total()).isEqualTo(2);
		assertThat(claim(period.plusSeconds(60))).containsEntry("instance_id", b);
	}

	@Test
	void aCallThatTheSchedulerDidNotMakeSimplyRuns() {
		CountingJob job = new CountingJob();
		Job direct = instance("direct-" + UUID.randomUUID(), job);
		direct.run();
		direct.run();
		assertThat(job.total()).isEqualTo(2);
	}

	@Test
	void twoSchedulersFiringTheSameCronRunEachSecondOnce() {
		CountingJob job = new CountingJob();
		String a = "cron-a-" + UUID.randomUUID();
		String b = "cron-b-" + UUID.randomUUID();
		ClusterTaskScheduler first = scheduler();
		ClusterTaskScheduler second = scheduler();
		try {
			first.schedule(instance(a, job)::run, new CronTrigger("* * * * * *"));
			second.schedule(instance(b, job)::run, new CronTrigger("* * * * * *"));
			await().atMost(Duration.ofSeconds(60)).until(() -> claims(a, b).size() >= 3);
		}
		finally {
			first.shutdown();
			second.shutdown();
		}
		List<OffsetDateTime> periods = claims(a, b);
		// Both fired every second; each second ran once, on whichever claimed it first.
		assertThat(job.total()).isEqualTo(periods.size());
		assertThat(periods).doesNotHaveDuplicates().allSatisfy((period) -> assertThat(period.getNano()).isZero());
	}

	@Test
	void fixedDelayJobsShareTheBucketOfTheirInterval() {
		Duration tenMinutes = Duration.ofMinutes(10);
		assertThat(ClusterTaskScheduler.bucket(Instant.parse("2026-12-01T10:07:59Z"), tenMinutes))
			.isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
		assertThat(ClusterTaskScheduler.bucket(Instant.parse("2026-12-01T10:10:00Z"), tenMinutes))
			.isEqualTo(Instant.parse("2026-12-01T10:10:00Z"));
	}

	@Test
	void oldClaimsAreDeleted() {
		ScheduledJobRuns runs = runs("purge-" + UUID.randomUUID());
		Instant longAgo = Instant.now().minus(Duration.ofDays(400)).truncatedTo(ChronoUnit.SECONDS);
		assertThat(runs.claim("old-job-" + UUID.randomUUID(), longAgo)).isTrue();
		new JobRunPurge(runs, Clock.systemUTC(), Duration.ofDays(28)).purge();
		assertThat(this.jdbc.sql("SELECT count(*) FROM scheduled_job_run WHERE period_start = :period")
			.param("period", longAgo.atOffset(ZoneOffset.UTC))
			.query(Integer.class)
			.single()).isZero();
	}

	private Map<String, Object> claim(Instant period) {
		return this.jdbc
			.sql("SELECT instance_id, finished_at IS NOT NULL AS finished FROM scheduled_job_run "
					+ "WHERE job_name = 'counting-job' AND period_start = :period")
			.param("period", period.atOffset(ZoneOffset.UTC))
			.query()
			.singleRow();
	}

	private List<OffsetDateTime> claims(String... instances) {
		return this.jdbc
			.sql("SELECT period_start FROM scheduled_job_run WHERE job_name = 'counting-job' "
					+ "AND instance_id IN (:instances)")
			.param("instances", List.of(instances))
			.query(OffsetDateTime.class)
			.list();
	}

	private ScheduledJobRuns runs(String instanceId) {
		return new ScheduledJobRuns(this.jdbc, new TransactionTemplate(this.transactionManager), Clock.systemUTC(),
				new InstanceId(instanceId));
	}

	/** The job as another instance's proxy would call it. */
	private Job instance(String instanceId, CountingJob job) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("runs", runs(instanceId));
		ProxyFactory proxy = new ProxyFactory(job);
		proxy.addAdvice(new OncePerPeriodInterceptor(beans.getBeanProvider(ScheduledJobRuns.class)));
		return (Job) proxy.getProxy();
	}

	private static ClusterTaskScheduler scheduler() {
		ClusterTaskScheduler scheduler = new ClusterTaskScheduler();
		scheduler.setWaitForTasksToCompleteOnShutdown(true);
		scheduler.setAwaitTerminationSeconds(5);
		scheduler.initialize();
		return scheduler;
	}

	interface Job {

		void run();

	}

	/** Counts its runs. */
	static class CountingJob implements Job {

		private final AtomicInteger runs = new AtomicInteger();

		@Override
		@OncePerPeriod("counting-job")
		public void run() {
			this.runs.incrementAndGet();
		}

		int total() {
			return this.runs.get();
		}

	}

}
