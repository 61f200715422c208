package nl.recordsdesk;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs attempts at the same moment: each on a thread of its own, all released together by
 * one latch, as when several people press the same button at once. And what each of them
 * then saw.
 */
public final class Simultaneously {

	/** Bounded, so that a hang fails the test instead of the build. */
	private static final long TIMEOUT_SECONDS = 120;

	private Simultaneously() {
	}

	/** The outcome of each attempt, in the order of their numbers. */
	public static <T> List<T> run(int attempts, IntFunction<T> attempt) {
		ExecutorService threads = Executors.newFixedThreadPool(attempts);
		CountDownLatch ready = new CountDownLatch(attempts);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < attempts; i++) {
				int number = i;
				futures.add(threads.submit(() -> {
					ready.countDown();
					if (!go.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
						throw new IllegalStateException("Not released");
					}
					return attempt.apply(number);
				}));
			}
			if (!ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The threads did not start");
			}
			go.countDown();
			List<T> outcomes = new ArrayList<>();
			for (Future<T> future : futures) {
				outcomes.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		catch (Exception ex) {
			throw new IllegalStateException("An attempt failed or hung", ex);
		}
		finally {
			threads.shutdownNow();
		}
	}

	/** One post by one user, as a browser sends it. */
	public record Posted(String user, RequestPostProcessor who, MvcTestResult result) {
	}

	/**
	 * What one person saw: the status of their post, and the page it redirected them to
	 * (0 and the failure when there was none).
	 */
	public record Seen(String user, int status, @Nullable String redirect, int pageStatus, String page) {

		public boolean told(String notice) {
			return this.page.contains(notice);
		}

	}

	/**
	 * Follows the post's redirect as the browser would, with the flash message it
	 * carries. An exception nobody handled is what the servlet container answers 500.
	 */
	public static Seen seen(MockMvcTester mvc, Posted posted) {
		Throwable failure = posted.result().getUnresolvedException();
		if (failure != null) {
			return new Seen(posted.user(), 500, null, 0, failure.toString());
		}
		int status = posted.result().getResponse().getStatus();
		String redirect = posted.result().getResponse().getRedirectedUrl();
		if (redirect == null) {
			return new Seen(posted.user(), status, null, 0, contentOf(posted.result()));
		}
		// The notice is a flash attribute in the post's session, which is Spring
		// Session's in PostgreSQL: the page is asked for with that session's cookie, as
		// a browser would (MockMvc's flashAttrs would go to a MockHttpSession nobody
		// reads).
		var get = mvc.get().uri(redirect).with(posted.who());
		jakarta.servlet.http.Cookie session = posted.result().getResponse().getCookie(TestBrowser.COOKIE);
		if (session != null) {
			get = get.cookie(session);
		}
		MvcTestResult page = get.exchange();
		return new Seen(posted.user(), status, redirect, page.getResponse().getStatus(), contentOf(page));
	}

	/**
	 * Every post was answered with a redirect to a page that opened; exactly one page
	 * tells {@code done}, every other one {@code refused}.
	 */
	public static void oneWasToldItWasDoneTheOthersThatSomeoneWasFirst(List<Seen> seen, String done, String refused) {
		assertThat(seen).allSatisfy((one) -> {
			assertThat(one.status()).as("%s's post", one.user()).isEqualTo(302);
			assertThat(one.pageStatus()).as("%s's page", one.user()).isEqualTo(200);
		});
		assertThat(seen).filteredOn((one) -> one.told(done)).hasSize(1);
		assertThat(seen).filteredOn((one) -> !one.told(done))
			.hasSize(seen.size() - 1)
			.allSatisfy((one) -> assertThat(one.page()).as("%s's page", one.user()).contains(refused));
	}

	/** The one who was told {@code done}. */
	public static String winner(List<Seen> seen, String done) {
		return seen.stream().filter((one) -> one.told(done)).findFirst().orElseThrow().user();
	}

	private static String contentOf(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString();
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
