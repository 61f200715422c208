package nl.recordsdesk.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.recordsdesk.reliability.Browser.Page;
import nl.recordsdesk.reliability.Requester.Outcome;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reliability suite: two instances of the built jar on one PostgreSQL, driven over
 * loopback as people use them (see the README, "Reliability suite"). Run with
 * {@code ./mvnw verify -Preliability}; {@code -Dreliability.submissions=N} changes the
 * number of concurrent requesters (200), {@code -Dreliability.claims=N} that of desk
 * sessions claiming one request (50).
 * <p>
 * Each scenario is a test of its own and writes its figures whether it passes or not;
 * they are printed together at the end (and kept in
 * {@code target/reliability/figures.txt}), the instances' logs beside them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityIT {

	static final int SUBMISSIONS = Integer.getInteger("reliability.submissions", 200);

	static final int CLAIMS = Integer.getInteger("reliability.claims", 50);

	/** Desk accounts the claiming sessions are spread over (several sessions each). */
	static final int CLAIM_ACCOUNTS = 10;

	/**
	 * How long the concurrent submissions may take in all before the rest counts as
	 * time-outs.
	 */
	static final Duration SUBMISSION_DEADLINE = Duration
		.ofSeconds(Long.getLong("reliability.submission-deadline", 300));

	/**
	 * The jobs that must run once per period across the cluster, by their name in
	 * {@code scheduled_job_run} ({@code -Dreliability.jobs=a,b} to change).
	 */
	static final List<String> ONCE_PER_PERIOD_JOBS = List.of(System.getProperty("reliability.jobs",
			"abandoned-uploads,closed-request-id-copies,contact-retention,desk-due-mail,incomplete-event-publications,"
					+ "month-figures,pending-scans,scheduled-job-run-purge,sent-mail-purge,shared-limits-purge,waiting-requests")
		.split(","));

	static final Path TARGET = Path.of(System.getProperty("reliability.target", "target"));

	static final Path JAR = Path
		.of(System.getProperty("reliability.jar", TARGET.resolve("recordsdesk-0.1.0-SNAPSHOT.jar").toString()));

	static final Path LOGS = TARGET.resolve("reliability");

	private static final Pattern VERSION = Pattern.compile("name=\"version\"\\s+value=\"(\\d+)\"");

	private final String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	private final Figures figures = new Figures();

	private final Map<String, UUID> accounts = new LinkedHashMap<>();

	private ExecutorService http;

	private Cluster cluster;

	private Mailbox mailbox;

	private Instant started;

	@BeforeAll
	void startCluster() {
		this.started = Instant.now();
		// GreenMail logs every new mailbox, the embedded database every line of pg_ctl.
		quiet("com.icegreen.greenmail", "io.zonky.test");
		this.http = Executors.newCachedThreadPool(daemons("reliability-http"));
		this.cluster = Cluster.start(JAR, LOGS, Duration.ofSeconds(Long.getLong("reliability.start-timeout", 240)));
		this.mailbox = new Mailbox(this.cluster.mail());
		this.figures.put("start",
				"both instances healthy after " + Figures.seconds(Duration.between(this.started, Instant.now()))
						+ " (A :" + this.cluster.a().port() + " pid " + this.cluster.a().pid() + ", B :"
						+ this.cluster.b().port() + " pid " + this.cluster.b().pid() + ")");
		for (int i = 1; i <= CLAIM_ACCOUNTS; i++) {
			String username = String.format("desk%02d", i);
			this.accounts.put(username, this.cluster.createAccount(username, Set.of("DESK")));
		}
		for (String username : List.of("wissel", "vertrekt")) {
			this.accounts.put(username, this.cluster.createAccount(username, Set.of("DESK")));
		}
		this.accounts.put("beheer", this.cluster.createAccount("beheer", Set.of("ADMIN")));
	}

	@AfterAll
	void stopCluster() {
		try {
			if (this.started != null) {
				this.figures.put("total", Figures.seconds(Duration.between(this.started, Instant.now())) + "; logs in "
						+ LOGS.toAbsolutePath());
			}
			String block = this.figures.block("Reliability suite, run " + this.runId);
			System.out.println(block);
			this.figures.write(LOGS.resolve("figures.txt"), block);
		}
		finally {
			if (this.cluster != null) {
				this.cluster.close();
			}
			if (this.http != null) {
				this.http.shutdownNow();
			}
		}
	}

	// 1. N requesters send the whole form at once, on one instance.

	@Test
	@Order(1)
	@Timeout(value = 10, unit = TimeUnit.MINUTES)
	void concurrentSubmissionsAreAllStoredOnce() throws Exception {
		List<Requester> requesters = new ArrayList<>();
		for (int i = 1; i <= SUBMISSIONS; i++) {
			requesters.add(new Requester(this.http, this.mailbox, "r", i, this.runId));
		}
		List<Outcome> outcomes = together(requesters, (requester) -> requester.submit(this.cluster.a()),
				SUBMISSION_DEADLINE, (requester) -> Outcome.failed(Outcome.Kind.TIMEOUT, "?",
						"not done within the deadline of " + SUBMISSION_DEADLINE, System.nanoTime()));

		Map<String, List<String>> stored = storedReferences("r%." + this.runId + "@example.test");
		long storedOnce = stored.values().stream().filter((references) -> references.size() == 1).count();
		long storedTwice = stored.values().stream().filter((references) -> references.size() > 1).count();
		int shown = 0;
		int shownTheirOwn = 0;
		for (int i = 0; i < requesters.size(); i++) {
			Outcome outcome = outcomes.get(i);
			if (outcome.kind() == Outcome.Kind.SENT) {
				shown++;
				if (stored.getOrDefault(requesters.get(i).email(), List.of()).equals(List.of(outcome.reference()))) {
					shownTheirOwn++;
				}
			}
		}
		Map<Outcome.Kind, Long> kinds = outcomes.stream()
			.collect(Collectors.groupingBy(Outcome::kind, () -> new EnumMap<>(Outcome.Kind.class),
					Collectors.counting()));
		long errors = outcomes.stream().filter(Outcome::error).count();
		List<Duration> totals = outcomes.stream()
			.filter((outcome) -> outcome.kind() == Outcome.Kind.SENT)
			.map(Outcome::total)
			.toList();
		List<Duration> sends = outcomes.stream()
			.filter((outcome) -> outcome.kind() == Outcome.Kind.SENT)
			.map(Outcome::send)
			.toList();
		this.figures.put("submissions",
				String.format(
						"%d stored / %d sent (%d stored twice), %d shown their reference (%d their own), %d errors",
						storedOnce, SUBMISSIONS, storedTwice, shown, shownTheirOwn, errors));
		this.figures.put("submissions",
				"outcomes " + kinds + "; whole form p50 " + Figures.seconds(Figures.percentile(totals, 50)) + " / p95 "
						+ Figures.seconds(Figures.percentile(totals, 95)) + ", sending p50 "
						+ Figures.seconds(Figures.percentile(sends, 50)) + " / p95 "
						+ Figures.seconds(Figures.percentile(sends, 95)));
		outcomes.stream()
			.filter((outcome) -> outcome.kind() != Outcome.Kind.SENT)
			.collect(Collectors.groupingBy(
					(outcome) -> outcome.kind() + " at " + outcome.step() + ": " + shorten(outcome.detail()),
					TreeMap::new, Collectors.counting()))
			.entrySet()
			.stream()
			.limit(6)
			.forEach((failure) -> this.figures.put("submissions", failure.getValue() + " x " + failure.getKey()));

		assertThat(storedTwice).as("requests stored twice").isZero();
		assertThat(storedOnce).as("requests stored (of %d sent)", SUBMISSIONS).isEqualTo(SUBMISSIONS);
		assertThat(errors).as("errors (HTTP 5xx, error pages, time-outs)").isZero();
		assertThat(shownTheirOwn).as("requesters shown their own reference").isEqualTo(SUBMISSIONS);
	}

	// 2. Desk sessions on both instances claim one queued request at once.

	@Test
	@Order(2)
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void concurrentClaimsAcrossInstancesHaveOneWinner() throws Exception {
		Requester requester = new Requester(this.http, this.mailbox, "claim", 1, this.runId);
		Outcome filed = requester.submit(this.cluster.a());
		if (filed.kind() != Outcome.Kind.SENT) {
			this.figures.put("claims", "could not file the request to claim: " + filed);
		}
		assertThat(filed.kind()).as("filing the request to claim: %s", filed).isEqualTo(Outcome.Kind.SENT);
		String reference = filed.reference();

		// Several accounts, several sessions each, on A and B in turn.
		List<Staff> sessions = new ArrayList<>();
		List<String> usernames = List.copyOf(this.accounts.keySet()).subList(0, CLAIM_ACCOUNTS);
		for (int i = 0; i < CLAIMS; i++) {
			String username = usernames.get((i / Math.max(1, CLAIMS / CLAIM_ACCOUNTS)) % CLAIM_ACCOUNTS);
			sessions.add(new Staff(this.http, username, (i % 2 == 0) ? this.cluster.a() : this.cluster.b()));
		}
		// Signed in and on the request's page, a few at a time (as they would arrive).
		List<String> ready = together(sessions, (staff) -> {
			try {
				Page signedIn = staff.signIn();
				if (!Staff.signedIn(signedIn)) {
					return "sign-in: " + signedIn;
				}
				Page page = staff.get("/desk/requests/" + reference);
				if (page.status() != 200 || !page.hasId("claim")) {
					return "request page: " + page + (page.hasId("claim") ? "" : " without the claim button");
				}
				return null;
			}
			catch (IOException | RuntimeException ex) {
				return "before claiming: " + ex;
			}
		}, Duration.ofMinutes(2), (staff) -> "not ready in time", 8);

		List<Staff> claimers = new ArrayList<>();
		Map<String, Long> notReady = new TreeMap<>();
		for (int i = 0; i < sessions.size(); i++) {
			if (ready.get(i) == null) {
				claimers.add(sessions.get(i));
			}
			else {
				notReady.merge(shorten(ready.get(i)), 1L, Long::sum);
			}
		}

		// All press "claim" at the same moment.
		List<ClaimResult> results = together(claimers, (staff) -> {
			try {
				Page before = staff.browser().last();
				String version = claimForm(before).flatMap((form) -> find(VERSION, form))
					.orElseThrow(() -> new IllegalStateException("no version in the claim form"));
				Page after = staff.post("/desk/requests/" + reference + "/claim", Map.of("version", version));
				if (after.serverError() || after.status() >= 400) {
					return new ClaimResult(staff, null, after.toString());
				}
				return new ClaimResult(staff, ClaimNotice.of(after), after.toString());
			}
			catch (IOException | RuntimeException ex) {
				return new ClaimResult(staff, null, (Browser.timedOut(ex) ? "time-out " : "") + ex);
			}
		}, Duration.ofMinutes(2), (staff) -> new ClaimResult(staff, null, "no answer in time"), claimers.size());

		Map<ClaimNotice, Long> notices = results.stream()
			.filter((result) -> result.notice() != null)
			.collect(Collectors.groupingBy(ClaimResult::notice, () -> new EnumMap<>(ClaimNotice.class),
					Collectors.counting()));
		long winners = notices.getOrDefault(ClaimNotice.WON, 0L);
		long conflicts = notices.getOrDefault(ClaimNotice.CONFLICT, 0L);
		long errors = results.stream().filter((result) -> result.notice() == null).count()
				+ (sessions.size() - claimers.size());
		List<String> winnerNames = results.stream()
			.filter((result) -> result.notice() == ClaimNotice.WON)
			.map((result) -> result.staff().username() + "@" + result.staff().instance().name().toUpperCase())
			.toList();
		String assignedTo;
		long claimEvents;
		try (Connection connection = this.cluster.connection();
				PreparedStatement query = connection.prepareStatement("""
						SELECT r.assigned_to,
						  (SELECT count(*) FROM request_event e WHERE e.request_id = r.id AND e.type = 'CLAIMED')
						FROM request r WHERE r.reference = ?""")) {
			query.setString(1, reference);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				assignedTo = row.getString(1);
				claimEvents = row.getLong(2);
			}
		}
		this.figures.put("claims",
				String.format("%d winner / %d, %d conflicts, %d errors", winners, CLAIMS, conflicts, errors));
		this.figures.put("claims", "notices " + notices + "; told they won: " + winnerNames + "; database: assigned to "
				+ assignedTo + ", " + claimEvents + " claim(s) in the history");
		notReady.forEach((reason, count) -> this.figures.put("claims", count + " x not claiming, " + reason));
		results.stream()
			.filter((result) -> result.notice() != ClaimNotice.WON && result.notice() != ClaimNotice.CONFLICT)
			.collect(Collectors.groupingBy((result) -> ((result.notice() != null) ? result.notice() + ", " : "error, ")
					+ shorten(result.detail()), TreeMap::new, Collectors.counting()))
			.entrySet()
			.stream()
			.limit(6)
			.forEach((entry) -> this.figures.put("claims", entry.getValue() + " x " + entry.getKey()));

		assertThat(claimEvents).as("claims recorded in the request's history").isEqualTo(1);
		assertThat(winners).as("sessions told they won the claim").isEqualTo(1);
		assertThat(winnerNames).singleElement().asString().startsWith(assignedTo + "@");
		assertThat(conflicts).as("conflict notices").isEqualTo(CLAIMS - 1);
		assertThat(errors).as("errors").isZero();
	}

	// 3. A session started on A goes on on B: a desk member's and a requester's.

	@Test
	@Order(3)
	@Timeout(value = 3, unit = TimeUnit.MINUTES)
	void sessionsAreCarriedAcrossInstances() throws Exception {
		Staff staff = new Staff(this.http, "wissel", this.cluster.a());
		Page signedIn = staff.signIn();
		if (!Staff.signedIn(signedIn)) {
			this.figures.put("sessions", "could not sign in on A: " + signedIn);
		}
		assertThat(Staff.signedIn(signedIn)).as("signed in on A: %s", signedIn).isTrue();
		Page onA = staff.get("/desk");
		Page onB = staff.get(this.cluster.b(), "/desk");
		boolean staffCarried = onB.status() == 200 && "/desk".equals(onB.path()) && !onB.serverError();
		String staffFigure = staffCarried ? "ok" : "refused (" + onB + ")";

		Requester requester = new Requester(this.http, this.mailbox, "form", 1, this.runId);
		requester.whatAndPatient(this.cluster.a());
		Page patientOnB = requester.browser().get(this.cluster.b().uri("/request/patient"));
		boolean answersThere = "/request/patient".equals(patientOnB.path())
				&& patientOnB.body().contains("value=\"" + requester.name() + "\"");
		String formFigure;
		boolean formCarried = false;
		if (!answersThere) {
			formFigure = "lost (B showed " + patientOnB + ")";
		}
		else {
			Page next;
			try {
				next = requester.requester(this.cluster.b());
				formCarried = true;
				formFigure = "ok";
			}
			catch (Requester.UnexpectedPage ex) {
				next = ex.page;
				formFigure = "answers shown, but the next step on B ended at " + next;
			}
		}
		this.figures.put("sessions", "staff A->B " + staffFigure + ", form A->B " + formFigure);
		assertThat(onA.status()).as("the queue on A").isEqualTo(200);
		assertThat(staffCarried).as("desk session of A on B: %s", onB).isTrue();
		assertThat(formCarried).as("half-filled form of A on B: %s", formFigure).isTrue();
	}

	// 4. An administrator disables an account signed in on both instances.

	@Test
	@Order(4)
	@Timeout(value = 3, unit = TimeUnit.MINUTES)
	void aDisabledAccountIsRefusedOnBoth() throws Exception {
		UUID id = this.accounts.get("vertrekt");
		Staff onA = new Staff(this.http, "vertrekt", this.cluster.a());
		Staff onB = new Staff(this.http, "vertrekt", this.cluster.b());
		Staff admin = new Staff(this.http, "beheer", this.cluster.a());
		List<String> before = new ArrayList<>();
		Page page = onA.signIn();
		if (!Staff.signedIn(page) || !"/desk".equals(onA.get("/desk").path())) {
			before.add("the desk on A: " + onA.browser().last());
		}
		page = onB.signIn();
		if (!Staff.signedIn(page) || !"/desk".equals(onB.get("/desk").path())) {
			before.add("the desk on B: " + onB.browser().last());
		}
		page = admin.signIn();
		if (!Staff.signedIn(page)) {
			before.add("the administrator on A: " + page);
		}
		else {
			admin.get("/admin/accounts/" + id);
			Page disabled = admin.post("/admin/accounts/" + id + "/disable", Map.of());
			if (disabled.serverError() || enabled(id)) {
				before.add("disabling: " + disabled);
			}
		}
		if (!before.isEmpty()) {
			this.figures.put("disabled account", "could not set up: " + before);
		}
		assertThat(before).as("signed in on A and B, then disabled by an administrator").isEmpty();

		Page sessionA = onA.get("/desk");
		Page sessionB = onB.get("/desk");
		Page againA = new Staff(this.http, "vertrekt", this.cluster.a()).signIn();
		Page againB = new Staff(this.http, "vertrekt", this.cluster.b()).signIn();
		boolean refusedA = sessionA.loginPage();
		boolean refusedB = sessionB.loginPage();
		boolean signInRefusedA = !Staff.signedIn(againA) && againA.loginPage();
		boolean signInRefusedB = !Staff.signedIn(againB) && againB.loginPage();
		String summary = (refusedA && refusedB && signInRefusedA && signInRefusedB) ? "refused on A and B"
				: "NOT refused everywhere";
		this.figures.put("disabled account",
				summary + " (session on A " + verdict(refusedA, sessionA) + ", on B " + verdict(refusedB, sessionB)
						+ "; new sign-in on A " + verdict(signInRefusedA, againA) + ", on B "
						+ verdict(signInRefusedB, againB) + ")");
		assertThat(refusedA).as("the session on A after disabling: %s", sessionA).isTrue();
		assertThat(refusedB).as("the session on B after disabling: %s", sessionB).isTrue();
		assertThat(signInRefusedA).as("signing in again on A: %s", againA).isTrue();
		assertThat(signInRefusedB).as("signing in again on B: %s", againB).isTrue();
	}

	// 5. Each scheduled job ran once per period, and each acknowledgement was mailed
	// once.

	@Test
	@Order(5)
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void jobsRunOncePerPeriodAndMailIsDeliveredOnce() throws Exception {
		Map<String, List<String>> stored = storedReferences("r%." + this.runId + "@example.test");
		Map<String, Integer> acknowledgements = awaitAcknowledgements(stored, Duration.ofSeconds(180));
		long once = acknowledgements.values().stream().filter((count) -> count == 1).count();
		long twice = acknowledgements.values().stream().filter((count) -> count > 1).count();
		long missing = acknowledgements.values().stream().filter((count) -> count == 0).count();
		this.figures.put("mail",
				String.format(
						"%d acknowledgements for %d stored requests: %d delivered once, %d more than once, %d missing",
						acknowledgements.values().stream().mapToInt(Integer::intValue).sum(), acknowledgements.size(),
						once, twice, missing));

		boolean jobsAvailable = tableExists("scheduled_job_run");
		Map<String, JobRuns> jobs = Map.of();
		if (!jobsAvailable) {
			this.figures.put("jobs", "not available: no table scheduled_job_run (migration V15 not there yet)");
		}
		else {
			// The jobs run every few seconds: by now each has had some periods; wait a
			// little for one that has not.
			try {
				Awaitility.await("two periods of every job")
					.atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofSeconds(1))
					.until(() -> {
						Map<String, JobRuns> now = jobRuns();
						return ONCE_PER_PERIOD_JOBS.stream()
							.allMatch((job) -> now.containsKey(job) && now.get(job).periods() >= 2);
					});
			}
			catch (ConditionTimeoutException ex) {
				// Reported below: too few runs.
			}
			jobs = jobRuns();
			if (jobs.isEmpty()) {
				this.figures.put("jobs", "no runs recorded in scheduled_job_run");
			}
			jobs.forEach((job, runs) -> this.figures.put("jobs", runs.describe(job)));
			Set<String> ran = jobs.keySet();
			ONCE_PER_PERIOD_JOBS.stream()
				.filter((job) -> !ran.contains(job))
				.forEach((job) -> this.figures.put("jobs", job + " never ran"));
		}

		assertThat(missing).as("acknowledgements never delivered").isZero();
		assertThat(twice).as("acknowledgements delivered more than once").isZero();
		// -Dreliability.require-job-runs=false: a build without the table (before V15)
		// skips
		// the jobs' part instead of failing it.
		Assumptions.assumeTrue(
				jobsAvailable || Boolean.parseBoolean(System.getProperty("reliability.require-job-runs", "true")),
				"no table scheduled_job_run in this build");
		assertThat(jobsAvailable).as("table scheduled_job_run (job runs per period) exists").isTrue();
		assertThat(jobs.keySet()).as("jobs with recorded runs").containsAll(ONCE_PER_PERIOD_JOBS);
		for (String job : ONCE_PER_PERIOD_JOBS) {
			assertThat(jobs.get(job).periods()).as("periods in which %s ran", job).isGreaterThanOrEqualTo(2);
		}
		jobs.forEach((job, runs) -> assertThat(runs.runs()).as("runs of %s (one per period)", job)
			.isEqualTo(runs.periods()));
	}

	// Helpers

	/**
	 * Runs {@code work} for every item, all released at the same moment (at most
	 * {@code parallel} at once), and answers the results in the items' order; what is not
	 * done by {@code deadline} is interrupted and answered by {@code late}.
	 */
	private <T, R> List<R> together(List<T> items, ThrowingFunction<T, R> work, Duration deadline, Function<T, R> late,
			int parallel) throws InterruptedException {
		ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, items.size())),
				daemons("reliability-user"));
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<R>> futures = new ArrayList<>();
			for (T item : items) {
				futures.add(workers.submit(() -> {
					go.await();
					return work.apply(item);
				}));
			}
			go.countDown();
			long end = System.nanoTime() + deadline.toNanos();
			List<R> results = new ArrayList<>();
			for (int i = 0; i < items.size(); i++) {
				Future<R> future = futures.get(i);
				try {
					results.add(future.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS));
				}
				catch (TimeoutException ex) {
					future.cancel(true);
					results.add(late.apply(items.get(i)));
				}
				catch (ExecutionException ex) {
					throw new IllegalStateException("A simulated user failed in the harness itself", ex.getCause());
				}
			}
			return results;
		}
		finally {
			workers.shutdownNow();
		}
	}

	private <T, R> List<R> together(List<T> items, ThrowingFunction<T, R> work, Duration deadline, Function<T, R> late)
			throws InterruptedException {
		return together(items, work, deadline, late, items.size());
	}

	/**
	 * The references stored per requester address matching {@code emailPattern} (LIKE).
	 */
	private Map<String, List<String>> storedReferences(String emailPattern) throws SQLException {
		Map<String, List<String>> stored = new TreeMap<>();
		try (Connection connection = this.cluster.connection();
				PreparedStatement query = connection.prepareStatement(
						"SELECT requester_email, reference FROM request WHERE requester_email LIKE ? ORDER BY reference")) {
			query.setString(1, emailPattern);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					stored.computeIfAbsent(rows.getString(1), (key) -> new ArrayList<>()).add(rows.getString(2));
				}
			}
		}
		return stored;
	}

	/**
	 * Waits (bounded) until every stored request's requester has its acknowledgement,
	 * then answers how many each received.
	 */
	private Map<String, Integer> awaitAcknowledgements(Map<String, List<String>> stored, Duration timeout) {
		try {
			Awaitility.await("every acknowledgement delivered")
				.atMost(timeout)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> countAcknowledgements(stored).values().stream().noneMatch((count) -> count == 0));
		}
		catch (ConditionTimeoutException ex) {
			// Counted as missing below.
		}
		return countAcknowledgements(stored);
	}

	private Map<String, Integer> countAcknowledgements(Map<String, List<String>> stored) {
		Map<String, Integer> counts = new TreeMap<>();
		stored.forEach((email, references) -> {
			for (String reference : references) {
				int count = (int) this.mailbox.to(email)
					.stream()
					.filter((mail) -> mail.subject().contains(reference))
					.count();
				counts.put(reference, count);
			}
		});
		return counts;
	}

	private boolean enabled(UUID account) throws SQLException {
		try (Connection connection = this.cluster.connection();
				PreparedStatement query = connection
					.prepareStatement("SELECT enabled FROM staff_account WHERE id = ?")) {
			query.setObject(1, account);
			try (ResultSet row = query.executeQuery()) {
				return row.next() && row.getBoolean(1);
			}
		}
	}

	private boolean tableExists(String table) throws SQLException {
		try (Connection connection = this.cluster.connection();
				PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
			query.setString(1, table);
			try (ResultSet row = query.executeQuery()) {
				return row.next() && row.getBoolean(1);
			}
		}
	}

	/** Per job: its periods, its runs, and which instance ran them. */
	private Map<String, JobRuns> jobRuns() throws SQLException {
		Map<String, JobRuns> jobs = new TreeMap<>();
		try (Connection connection = this.cluster.connection();
				PreparedStatement query = connection.prepareStatement("""
						SELECT job_name, count(DISTINCT period_start), count(*)
						FROM scheduled_job_run GROUP BY job_name""");
				PreparedStatement byInstance = connection.prepareStatement("""
						SELECT job_name, instance_id, count(*) FROM scheduled_job_run
						GROUP BY job_name, instance_id ORDER BY job_name, instance_id""")) {
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					jobs.put(rows.getString(1), new JobRuns(rows.getLong(2), rows.getLong(3), new TreeMap<>()));
				}
			}
			try (ResultSet rows = byInstance.executeQuery()) {
				while (rows.next()) {
					JobRuns job = jobs.get(rows.getString(1));
					if (job != null) {
						job.byInstance().merge(instanceLabel(rows.getString(2)), rows.getLong(3), Long::sum);
					}
				}
			}
		}
		return jobs;
	}

	/**
	 * "A" or "B" when the recorded instance id names the process or port, else the id.
	 */
	private String instanceLabel(String instanceId) {
		for (Instance instance : this.cluster.instances()) {
			if (instanceId != null
					&& (instanceId.equals(instance.id()) || instanceId.contains(Long.toString(instance.pid()))
							|| instanceId.contains(Integer.toString(instance.port())))) {
				return instance.name().toUpperCase();
			}
		}
		return String.valueOf(instanceId);
	}

	private static Optional<String> claimForm(Page page) {
		int start = page.body().indexOf("/claim\"");
		if (start < 0) {
			return Optional.empty();
		}
		int end = page.body().indexOf("</form>", start);
		return Optional.of(page.body().substring(start, (end < 0) ? page.body().length() : end));
	}

	private static Optional<String> find(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	private static String verdict(boolean refused, Page page) {
		return refused ? "refused" : "NOT refused (" + page + ")";
	}

	private static String shorten(String text) {
		if (text == null) {
			return "";
		}
		// Requesters' addresses and references differ per requester; group by the rest.
		String general = text.replaceAll("[A-Za-z0-9.]+@example\\.test", "<address>");
		return (general.length() > 140) ? general.substring(0, 140) + "..." : general;
	}

	private static void quiet(String... loggers) {
		for (String name : loggers) {
			if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
				logger.setLevel(ch.qos.logback.classic.Level.WARN);
			}
		}
	}

	private static ThreadFactory daemons(String name) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	@FunctionalInterface
	interface ThrowingFunction<T, R> {

		R apply(T item) throws IOException, InterruptedException;

	}

	/** What one claiming session was told ({@code notice} null: an error). */
	record ClaimResult(Staff staff, ClaimNotice notice, String detail) {

	}

	/** A job's recorded runs. */
	record JobRuns(long periods, long runs, Map<String, Long> byInstance) {

		String describe(String job) {
			return job + " " + this.periods + " periods, " + this.runs + " runs ("
					+ this.byInstance.entrySet()
						.stream()
						.map((entry) -> entry.getKey() + " " + entry.getValue())
						.collect(Collectors.joining(", "))
					+ ")";
		}

	}

}
