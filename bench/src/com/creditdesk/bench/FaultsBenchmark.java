package com.creditdesk.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.creditdesk.support.EmbeddedPostgresConfiguration;

/**
 * Two CreditDesk nodes ({@code java -jar}, job executors on) on one PostgreSQL.
 * <ol>
 * <li>The daily jobs fall due while both nodes run: collection cases per overdue customer, review triggers per
 * customer due for review, daily runs, ERROR lines in both logs.</li>
 * <li>{@code kill -9} of one node under a paced stream of payments; the client retries what failed on the other
 * node, then the killed node is started again: acknowledged payments present, duplicates, follow-ups recorded and
 * delivered, seconds from the kill until every follow-up (including those the dead node had locked) ran.</li>
 * </ol>
 */
public final class FaultsBenchmark {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	public static void main(String[] args) throws Exception {
		String jar = System.getProperty("bench.jar", "target/creditdesk-0.1.0-SNAPSHOT.jar");
		int customers = Integer.getInteger("bench.customers", 40);
		int rate = Integer.getInteger("bench.rate", 10);
		int seconds = Integer.getInteger("bench.seconds", 12);
		BenchmarkResult result = new BenchmarkResult("faults");
		String url = EmbeddedPostgresConfiguration.newDatabaseUrl();
		Path logs = Files.createTempDirectory("creditdesk-faults");
		Node a = new Node("a", jar, url, 18181, logs);
		Node b = new Node("b", jar, url, 18182, logs);
		try {
			a.start();
			a.awaitHealthy(); // one node creates the schema, then the second joins
			b.start();
			b.awaitHealthy();
			seed(url, customers);

			// 1. the daily jobs fall due while both nodes run
			execute(url, "UPDATE act_ru_job SET duedate_ = now() - interval '1 minute' "
					+ "WHERE handler_type_ = 'timer-start-event'");
			long due = System.nanoTime();
			waitUntil(() -> count(url, "SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ IN "
					+ "('daily-credit-reviews', 'daily-overdue-detection') AND end_time_ IS NOT NULL") >= 2, 180);
			Map<String, Object> daily = new LinkedHashMap<>();
			daily.put("scenario", "two-nodes-daily-jobs-due");
			daily.put("database", "postgresql");
			daily.put("nodes", 2);
			daily.put("secondsUntilBothDailyRunsEnded", seconds(due));
			daily.put("dailyRuns", count(url, "SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ IN "
					+ "('daily-credit-reviews', 'daily-overdue-detection')"));
			daily.put("overdueCustomers", customers);
			daily.put("collectionCases", count(url, "SELECT count(*) FROM collection_case"));
			daily.put("maxCasesPerCustomer", count(url,
					"SELECT coalesce(max(n), 0) FROM (SELECT count(*) n FROM collection_case GROUP BY customer_id) x"));
			daily.put("customersDueForReview", customers);
			daily.put("reviewTriggers", count(url, "SELECT count(*) FROM review_trigger WHERE kind = 'PERIODIC'"));
			daily.put("maxTriggersPerCustomer", count(url, "SELECT coalesce(max(n), 0) FROM (SELECT count(*) n "
					+ "FROM review_trigger WHERE kind = 'PERIODIC' GROUP BY customer_id) x"));
			daily.put("errorLines", a.errorLines() + b.errorLines());
			System.out.println("faults: " + daily);
			result.add(daily);

			// 2. kill -9 under a paced stream of payments
			long followUpsBefore = count(url, "SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = 'follow-up'");
			List<String> acknowledged = new ArrayList<>();
			int retried = 0;
			int total = rate * seconds;
			long killAt = 0;
			long start = System.nanoTime();
			long firstCustomer = count(url, "SELECT min(id) FROM customer WHERE credit_code LIKE 'F%'");
			for (int i = 0; i < total; i++) {
				long dueAt = start + i * 1_000_000_000L / rate;
				long wait = dueAt - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
				if (i == total / 2) {
					a.kill();
					killAt = System.nanoTime();
				}
				String reference = "PAY-F-" + i;
				String body = "{\"customerId\":" + (firstCustomer + i % customers) + ",\"reference\":\"" + reference
						+ "\",\"paymentDate\":\"" + LocalDate.now() + "\",\"amount\":100}";
				Node target = i % 2 == 0 ? a : b; // the client spreads its requests over both nodes
				boolean answered = post(target, body);
				if (!answered) {
					retried++; // the client retries what got no answer on the other node: posting is idempotent
					answered = post(target == a ? b : a, body);
				}
				if (answered) {
					acknowledged.add(reference);
				}
			}
			// the surviving node runs every follow-up, those the dead node had locked once their lock expires
			waitUntil(() -> count(url, "SELECT count(*) FROM act_ru_job WHERE process_def_key_ = 'follow-up'") == 0, 240);
			double followUpsDoneSeconds = seconds(killAt);
			a.start(); // then the operator restarts the killed node
			a.awaitHealthy();
			double restartSeconds = seconds(killAt);
			String references = "'" + String.join("','", acknowledged) + "'";
			Map<String, Object> kill = new LinkedHashMap<>();
			kill.put("scenario", "kill-9-under-paced-payments");
			kill.put("database", "postgresql");
			kill.put("paymentsSent", total);
			kill.put("paymentsPerSecond", rate);
			kill.put("retriedOnTheOtherNode", retried);
			kill.put("acknowledged", acknowledged.size());
			kill.put("acknowledgedAndPresent",
					count(url, "SELECT count(DISTINCT reference) FROM payment WHERE reference IN (" + references + ")"));
			kill.put("duplicates", count(url, "SELECT count(*) - count(DISTINCT (customer_id, reference)) FROM payment"));
			kill.put("followUpsRecorded",
					count(url, "SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = 'follow-up'") - followUpsBefore);
			kill.put("followUpsDelivered", count(url, "SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = "
					+ "'follow-up' AND end_act_id_ = 'EndEvent_FollowUpDelivered'") - followUpsBefore);
			kill.put("incidents", count(url, "SELECT count(*) FROM act_ru_incident"));
			kill.put("secondsFromKillUntilEveryFollowUpRan", followUpsDoneSeconds);
			kill.put("secondsFromKillToRestartedNodeUp", restartSeconds);
			kill.put("errorLinesOfTheSurvivingNode", b.errorLines());
			System.out.println("faults: " + kill);
			result.add(kill);
			result.write();
			System.out.println("faults: node logs in " + logs);
		}
		finally {
			a.kill();
			b.kill();
			EmbeddedPostgresConfiguration.stopServer();
		}
	}

	/** Customers of ana: {@code customers} with an invoice 40 days overdue, as many due for their periodic review. */
	private static void seed(String url, int customers) throws Exception {
		execute(url, """
				INSERT INTO customer (name, credit_code, ownership_type, region, responsible_rep, status, credit_grade,
				  credit_limit, limit_valid_until, next_review_date, created_at, updated_at)
				SELECT 'Faults overdue ' || g, 'F' || lpad(g::text, 17, '0'), 'PRIVATE', 'East China', 'ana', 'ACTIVE',
				  'A', 500000, current_date + 365, current_date + 180, now(), now()
				FROM generate_series(1, %1$d) g
				UNION ALL
				SELECT 'Faults review ' || g, 'R' || lpad(g::text, 17, '0'), 'PRIVATE', 'East China', 'ana', 'ACTIVE',
				  'A', 100000, current_date + 365, current_date - 1, now(), now()
				FROM generate_series(1, %1$d) g""".formatted(customers));
		execute(url, """
				INSERT INTO receivable (customer_id, invoice_number, order_reference, invoice_date, due_date, amount,
				  open_amount, currency, responsible_rep, covered_amount, status, posted_at)
				SELECT id, 'INV-F', 'SO-F', current_date - 70, current_date - 40, 50000, 50000, 'CNY', 'ana', 50000,
				  'OPEN', now()
				FROM customer WHERE credit_code LIKE 'F%'""");
		execute(url, """
				INSERT INTO customer_exposure (customer_id, open_receivables, reserved, unapplied_credit, updated_at)
				SELECT id, 50000, 0, 0, now() FROM customer WHERE credit_code LIKE 'F%'""");
	}

	private static boolean post(Node node, String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port + "/api/receivables/payments"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("fay:demo".getBytes()))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201;
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static double seconds(long since) {
		return Math.round((System.nanoTime() - since) / 1e8) / 10.0;
	}

	private interface Check {

		boolean done() throws Exception;

	}

	private static void waitUntil(Check check, int timeoutSeconds) throws Exception {
		long end = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
		while (!check.done()) {
			if (System.nanoTime() > end) {
				throw new IllegalStateException("not done within " + timeoutSeconds + " s");
			}
			Thread.sleep(500);
		}
	}

	private static void execute(String url, String sql) throws Exception {
		try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

	private static long count(String url, String sql) throws Exception {
		try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
				var rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** One application node: {@code java -jar} with its own port and log file. */
	private static final class Node {

		private final String name;

		private final String jar;

		private final String url;

		private final int port;

		private final Path log;

		private Process process;

		private int starts;

		Node(String name, String jar, String url, int port, Path logs) {
			this.name = name;
			this.jar = jar;
			this.url = url;
			this.port = port;
			this.log = logs.resolve("node-" + name + ".log");
		}

		void start() throws IOException {
			starts++;
			process = new ProcessBuilder("java", "-Xmx512m", "-jar", new File(jar).getAbsolutePath(),
					"--server.port=" + port, "--spring.profiles.active=postgres,demo", "--creditdesk.demo.portfolio=false", "--spring.datasource.url=" + url,
					"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
					"--camunda.bpm.job-execution.enabled=true", "--logging.level.root=WARN",
					"--logging.level.com.creditdesk=INFO")
				.redirectErrorStream(true)
				.redirectOutput(starts == 1 ? ProcessBuilder.Redirect.to(log.toFile())
						: ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
		}

		void awaitHealthy() throws Exception {
			long started = System.nanoTime();
			waitUntil(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException("node " + name + " exited; see " + log);
				}
				try {
					return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
						.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
				}
				catch (IOException e) {
					return false;
				}
			}, 180);
			System.out.printf("faults: node %s up in %.1f s%n", name, (System.nanoTime() - started) / 1e9);
		}

		/** kill -9: no shutdown hook, no graceful release of the jobs it holds. */
		void kill() {
			if (process != null && process.isAlive()) {
				process.destroyForcibly();
				try {
					process.waitFor();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		}

		long errorLines() throws IOException {
			return Files.readAllLines(log).stream().filter(line -> line.contains(" ERROR ")).count();
		}

	}

}
