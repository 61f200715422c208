package nl.recordsdesk.scheduling;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.time.Instant;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Around a {@link OncePerPeriod} method: claims the period the scheduler fired it for and
 * runs the job only when the claim is this instance's. Outermost, so the claim is
 * committed before the job's own transaction begins.
 */
class OncePerPeriodInterceptor implements MethodInterceptor {

	private static final Logger log = LoggerFactory.getLogger(OncePerPeriodInterceptor.class);

	private final ObjectProvider<ScheduledJobRuns> runs;

	OncePerPeriodInterceptor(ObjectProvider<ScheduledJobRuns> runs) {
		this.runs = runs;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Instant period = ScheduledPeriod.take();
		if (period == null) {
			// Not fired by the scheduler: a test or a caller of its own.
			return invocation.proceed();
		}
		Method method = invocation.getMethod();
		Class<?> target = (invocation.getThis() != null) ? AopUtils.getTargetClass(invocation.getThis())
				: method.getDeclaringClass();
		OncePerPeriod once = AnnotatedElementUtils.findMergedAnnotation(AopUtils.getMostSpecificMethod(method, target),
				OncePerPeriod.class);
		if (once == null) {
			return invocation.proceed();
		}
		ScheduledJobRuns jobRuns = this.runs.getObject();
		if (!jobRuns.claim(once.value(), period)) {
			log.debug("Job {} of {} ran on another instance", once.value(), period);
			return nothing(method.getReturnType());
		}
		Object result = invocation.proceed();
		jobRuns.finished(once.value(), period);
		return result;
	}

	/** What a skipped job returns: null, or zero for a primitive. */
	private static @Nullable Object nothing(Class<?> type) {
		return (type.isPrimitive() && type != void.class) ? Array.get(Array.newInstance(type, 1), 0) : null;
	}

}
