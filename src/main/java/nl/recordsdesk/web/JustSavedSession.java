package nl.recordsdesk.web;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Saves Spring Session's second read of a session per request. When Spring Session
 * commits a session at the end of a request it saves it and then, having forgotten what
 * it read at the start, looks it up again by its id only to learn whether the browser's
 * cookie still names a live session (and so need not be sent again): a query and a
 * deserialisation of every attribute, on every page. This answers that one lookup from
 * the session it has just saved on the same thread, if the id is the same; every other
 * lookup, and one with another id, goes to the database as before.
 * <p>
 * The session kept is dropped at that lookup, at the next save or delete, and at the end
 * and the start of every request ({@link #forget()}, called by
 * {@link StaticWithoutSession}, which wraps the session filter): nothing of one request
 * is seen by the next on the thread, and nothing is kept between requests, so a session
 * deleted by another instance (a sign-out, a disabled account) is gone at this instance's
 * next request as before.
 */
final class JustSavedSession implements MethodInterceptor {

	private static final ThreadLocal<Session> SAVED = new ThreadLocal<>();

	/** Wraps the session repository Spring Session's configuration makes. */
	static BeanPostProcessor postProcessor() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof JdbcIndexedSessionRepository)) {
					return bean;
				}
				ProxyFactory proxy = new ProxyFactory(bean);
				proxy.setProxyTargetClass(true);
				proxy.addAdvice(new JustSavedSession());
				return proxy.getProxy(JustSavedSession.class.getClassLoader());
			}
		};
	}

	/** At the end of a request: nothing kept for the thread's next one. */
	static void forget() {
		SAVED.remove();
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		String method = invocation.getMethod().getName();
		Object[] arguments = invocation.getArguments();
		if ("findById".equals(method) && arguments.length == 1) {
			Session saved = SAVED.get();
			SAVED.remove();
			if (saved != null && saved.getId().equals(arguments[0]) && !saved.isExpired()) {
				return saved;
			}
			return invocation.proceed();
		}
		SAVED.remove();
		Object result = invocation.proceed();
		if ("save".equals(method) && arguments.length == 1 && arguments[0] instanceof Session session) {
			SAVED.set(session);
		}
		return result;
	}

}
