package nl.recordsdesk;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Wraps the application's data source: every statement prepared on one of its connections
 * by the counting thread, between {@link #start()} and {@link #stop()}, is counted and
 * kept (JPA and plain JDBC alike). {@code -Dsqlcount.print=true} prints each.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CountingDataSource {

	private static final ThreadLocal<List<String>> COUNTED = new ThreadLocal<>();

	private static List<String> last = List.of();

	public static void start() {
		COUNTED.set(new ArrayList<>());
	}

	public static void stop() {
		last = List.copyOf(COUNTED.get());
		COUNTED.remove();
	}

	/** How many statements the last counted stretch prepared. */
	public static int counted() {
		return last.size();
	}

	/** The statements of the last counted stretch, in order. */
	public static List<String> statements() {
		return last;
	}

	@Bean
	static BeanPostProcessor countingDataSourcePostProcessor() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DataSource dataSource && !(bean instanceof Counting)) ? new Counting(dataSource)
						: bean;
			}
		};
	}

	static final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counting(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counting(super.getConnection(username, password));
		}

		private static Connection counting(Connection connection) {
			return (Connection) Proxy.newProxyInstance(Counting.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						String name = method.getName();
						List<String> counted = COUNTED.get();
						if (counted != null && (name.equals("prepareStatement") || name.equals("prepareCall")
								|| name.equals("createStatement"))) {
							String sql = (args != null && args.length > 0) ? String.valueOf(args[0]) : name;
							counted.add(sql);
							if (Boolean.getBoolean("sqlcount.print")) {
								System.out.println("SQL: " + sql);
							}
							if (Boolean.getBoolean("sqlcount.trace")) {
								new Exception("SQL: " + sql).printStackTrace(System.out);
							}
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getTargetException();
						}
					});
		}

	}

}
