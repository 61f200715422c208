package nl.recordsdesk.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A scheduled job as two instances of the portal run it: the same job object behind two
 * {@link OncePerPeriod} proxies with their own instance ids, on one database, both fired
 * by their scheduler for the same period (as {@link OncePerPeriodTests} does with a
 * counting job), for the tests of a real job in its own module.
 */
public final class TwoInstances<T> {

	private final T first;

	private final T second;

	/**
	 * @param job the job's bean (its proxy in the context, or the object itself)
	 * @param names the instance ids, unique to the test
	 */
	public TwoInstances(T job, JdbcClient jdbc, TransactionTemplate transactions, String firstName, String secondName) {
		T target = AopTestUtils.getUltimateTargetObject(job);
		this.first = proxy(target, jdbc, transactions, firstName);
		this.second = proxy(target, jdbc, transactions, secondName);
	}

	/** Both instances' schedulers fire the job for {@code period}. */
	public void fire(Instant period, Consumer<T> job) {
		ScheduledPeriod.runIn(period, () -> job.accept(this.first));
		ScheduledPeriod.runIn(period, () -> job.accept(this.second));
	}

	/**
	 * Both instances' schedulers fire the job for {@code period} at the same moment, each
	 * on a thread of its own (as two machines do at 07:00).
	 */
	public void fireAtOnce(Instant period, Consumer<T> job) {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> runs = List.of(this.first, this.second)
				.stream()
				.<Future<?>>map((instance) -> threads.submit(() -> {
					start.await();
					ScheduledPeriod.runIn(period, () -> job.accept(instance));
					return null;
				}))
				.toList();
			start.countDown();
			for (Future<?> run : runs) {
				run.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			threads.shutdownNow();
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(T target, JdbcClient jdbc, TransactionTemplate transactions, String instance) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("runs", new ScheduledJobRuns(jdbc, transactions, Clock.systemUTC(), new InstanceId(instance)));
		ProxyFactory proxy = new ProxyFactory(target);
		proxy.setProxyTargetClass(true);
		proxy.addAdvice(new OncePerPeriodInterceptor(beans.getBeanProvider(ScheduledJobRuns.class)));
		return (T) proxy.getProxy();
	}

}
