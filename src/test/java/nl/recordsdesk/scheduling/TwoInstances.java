package nl.recordsdesk.scheduling;

import java.time.Clock;
import java.time.Instant;
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
