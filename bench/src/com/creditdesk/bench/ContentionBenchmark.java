package com.creditdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import com.creditdesk.support.EmbeddedPostgresConfiguration;
import com.creditdesk.support.InvestigationFixture;

/**
 * Requests that collide, all released at the same instant over HTTP against the whole application on PostgreSQL
 * with its default connection pool (10): 50 payments, 50 credit checks that each cross 90 % utilisation, the same
 * payment sent 8 times, 20 approval tasks claimed by two managers at once. Per scenario: latency p50/p99/max, answers by status (5xx must be 0), follow-ups recorded
 * in the request's transaction and delivered afterwards (all), duplicates (0).
 */
public final class ContentionBenchmark {

	private static final int PARALLEL = Integer.getInteger("bench.parallel", 50);

	public static void main(String[] args) throws Exception {
		BenchmarkResult result = new BenchmarkResult("contention");
		String url = EmbeddedPostgresConfiguration.newDatabaseUrl();
		ConfigurableApplicationContext app = BenchData.startApp(url);
		try {
			ProcessEngine engine = app.getBean(ProcessEngine.class);
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			long first = customers(url, 2 * PARALLEL + 1);
			HttpClient http = HttpClient.newBuilder().build();

			// warm-up: one of each, on its own customer
			post(http, port, "fay", "/api/receivables/payments", payment(first + 2L * PARALLEL, "PAY-WARM"));
			post(http, port, "ana", "/api/credit-checks", check(first + 2L * PARALLEL, "SO-WARM"));
			deliverFollowUps(engine);

			List<String> payments = new ArrayList<>();
			for (int i = 0; i < PARALLEL; i++) {
				payments.add(payment(first + i, "PAY-C-" + i));
			}
			result.add(scenario("parallel-payments", http, port, "fay", "/api/receivables/payments", payments, engine,
					url));

			List<String> checks = new ArrayList<>();
			for (int i = 0; i < PARALLEL; i++) {
				checks.add(check(first + PARALLEL + i, "SO-C-" + i));
			}
			Map<String, Object> crossing = scenario("parallel-checks-crossing-90-percent", http, port, "ana",
					"/api/credit-checks", checks, engine, url);
			crossing.put("reevaluationsStarted", count(url,
					"SELECT count(*) FROM review_trigger WHERE kind = 'HIGH_UTILISATION' AND outcome = 'STARTED'"));
			result.add(crossing);

			List<String> same = Collections.nCopies(8, payment(first, "PAY-SAME"));
			Map<String, Object> identical = scenario("same-payment-8-times", http, port, "fay",
					"/api/receivables/payments", same, engine, url);
			identical.put("paymentsStored",
					count(url, "SELECT count(*) FROM payment WHERE reference = 'PAY-SAME'"));
			result.add(identical);
			result.add(claimRaces(http, port, engine, Integer.getInteger("bench.claimRaces", 20)));
			result.write();
		}
		finally {
			app.close();
			EmbeddedPostgresConfiguration.stopServer();
		}
	}

	/**
	 * {@code races} approval tasks (ana's applications of 100,000, for the customer managers); carl and clara claim
	 * each at the same instant: one claim wins, the other is answered 409, nothing else.
	 */
	private static Map<String, Object> claimRaces(HttpClient http, int port, ProcessEngine engine, int races)
			throws Exception {
		ObjectMapper json = new ObjectMapper();
		List<String> tasks = new ArrayList<>();
		for (int i = 0; i < races; i++) {
			Map<String, Object> typed = new LinkedHashMap<>();
			InvestigationFixture.soundCustomer().variables().forEach((name, value) -> typed.put(name, Map.of("value",
					value, "type", value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer" : "String")));
			Map started = json.readValue(post(http, port, "ana",
					"/engine-rest/process-definition/key/credit-investigation/submit-form",
					json.writeValueAsString(Map.of("variables", typed))).body(), Map.class);
			String application = engine.getTaskService().createTaskQuery()
				.processInstanceId((String) started.get("id")).singleResult().getId();
			HttpResponse<String> submitted = post(http, port, "ana", "/engine-rest/task/" + application + "/submit-form",
					json.writeValueAsString(Map.of("variables", Map.of("proposedLimit", Map.of("value", 100_000, "type",
							"Integer"), "proposedTermMonths", Map.of("value", 12, "type", "Integer"), "proposalReason",
							Map.of("value", "Reliable payer with audited statements.", "type", "String")))));
			if (submitted.statusCode() != 204) {
				throw new IllegalStateException("application refused: " + submitted.body());
			}
			tasks.add(engine.getTaskService().createTaskQuery()
				.processInstanceBusinessKey((String) started.get("businessKey"))
				.taskCandidateGroup("customerManagers")
				.singleResult()
				.getId());
		}
		ExecutorService clients = Executors.newFixedThreadPool(2 * races);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<long[]>> answers = new ArrayList<>();
		for (String task : tasks) {
			for (String manager : List.of("carl", "clara")) {
				answers.add(clients.submit(() -> {
					go.await();
					long start = System.nanoTime();
					HttpResponse<String> response = post(http, port, manager, "/engine-rest/task/" + task + "/claim",
							"{\"userId\":\"" + manager + "\"}");
					return new long[] { System.nanoTime() - start, response.statusCode() };
				}));
			}
		}
		go.countDown();
		List<Long> latencies = new ArrayList<>();
		Map<String, Integer> statuses = new LinkedHashMap<>();
		for (Future<long[]> answer : answers) {
			latencies.add(answer.get()[0]);
			statuses.merge(String.valueOf(answer.get()[1]), 1, Integer::sum);
		}
		clients.shutdown();
		Collections.sort(latencies);
		long claimed = tasks.stream()
			.filter(task -> engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee() != null)
			.count();
		Map<String, Object> scenario = new LinkedHashMap<>();
		scenario.put("scenario", "claim-races");
		scenario.put("database", "postgresql");
		scenario.put("races", races);
		scenario.put("requests", 2 * races);
		scenario.put("answersByStatus", statuses);
		scenario.put("serverErrors", serverErrors(statuses));
		scenario.put("tasksWithOneAssignee", claimed);
		scenario.putAll(latencyFigures(latencies));
		System.out.println("contention: " + scenario);
		return scenario;
	}

	/** Customers of ana with a limit of 100,000 and one open invoice of 85,000 each; returns the first id. */
	private static long customers(String url, int count) throws Exception {
		try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
			s.execute("""
					INSERT INTO customer (name, credit_code, ownership_type, region, responsible_rep, status,
					  credit_grade, credit_limit, limit_valid_until, next_review_date, created_at, updated_at)
					SELECT 'Contention customer ' || g, 'K' || lpad(g::text, 17, '0'), 'PRIVATE', 'East China', 'ana',
					  'ACTIVE', 'A', 100000, current_date + 365, current_date + 180, now(), now()
					FROM generate_series(1, %d) g""".formatted(count));
			s.execute("""
					INSERT INTO receivable (customer_id, invoice_number, order_reference, invoice_date, due_date,
					  amount, open_amount, currency, responsible_rep, covered_amount, status, posted_at)
					SELECT id, 'INV-K', 'SO-K', current_date - 10, current_date + 50, 85000, 85000, 'CNY', 'ana',
					  85000, 'OPEN', now()
					FROM customer WHERE credit_code LIKE 'K%'""");
			s.execute("""
					INSERT INTO customer_exposure (customer_id, open_receivables, reserved, unapplied_credit, updated_at)
					SELECT id, 85000, 0, 0, now() FROM customer WHERE credit_code LIKE 'K%'""");
		}
		return count(url, "SELECT min(id) FROM customer WHERE credit_code LIKE 'K%'");
	}

	private static String payment(long customer, String reference) {
		return "{\"customerId\":" + customer + ",\"reference\":\"" + reference + "\",\"paymentDate\":\""
				+ java.time.LocalDate.now() + "\",\"amount\":1000}";
	}

	private static String check(long customer, String order) {
		return "{\"customerId\":" + customer + ",\"orderReference\":\"" + order + "\",\"amount\":10000}";
	}

	private static Map<String, Object> scenario(String name, HttpClient http, int port, String user, String path,
			List<String> bodies, ProcessEngine engine, String url) throws Exception {
		long followUpsBefore = followUps(engine);
		ExecutorService clients = Executors.newFixedThreadPool(bodies.size());
		CountDownLatch go = new CountDownLatch(1);
		List<Callable<long[]>> calls = new ArrayList<>();
		for (String body : bodies) {
			calls.add(() -> {
				go.await();
				long start = System.nanoTime();
				HttpResponse<String> response = post(http, port, user, path, body);
				return new long[] { System.nanoTime() - start, response.statusCode(),
						response.body().contains("ALREADY_POSTED") ? 1 : 0 };
			});
		}
		List<Future<long[]>> answers = new ArrayList<>();
		for (Callable<long[]> call : calls) {
			answers.add(clients.submit(call));
		}
		long started = System.nanoTime();
		go.countDown();
		List<Long> latencies = new ArrayList<>();
		Map<String, Integer> statuses = new LinkedHashMap<>();
		int alreadyPosted = 0;
		for (Future<long[]> answer : answers) {
			long[] figures = answer.get();
			latencies.add(figures[0]);
			statuses.merge(String.valueOf(figures[1]), 1, Integer::sum);
			alreadyPosted += (int) figures[2];
		}
		double wallMs = (System.nanoTime() - started) / 1e6;
		clients.shutdown();
		long recorded = followUps(engine) - followUpsBefore;
		long delivered = deliverFollowUps(engine);
		Collections.sort(latencies);
		Map<String, Object> scenario = new LinkedHashMap<>();
		scenario.put("scenario", name);
		scenario.put("database", "postgresql");
		scenario.put("requests", bodies.size());
		scenario.put("connectionPool", 10);
		scenario.put("answersByStatus", statuses);
		scenario.put("serverErrors", serverErrors(statuses));
		scenario.put("alreadyPosted", alreadyPosted);
		scenario.putAll(latencyFigures(latencies));
		scenario.put("wallMs", Math.round(wallMs * 100) / 100.0);
		scenario.put("followUpsRecorded", recorded);
		scenario.put("followUpsDelivered", delivered);
		scenario.put("incidents", engine.getRuntimeService().createIncidentQuery().count());
		System.out.println("contention: " + scenario);
		return scenario;
	}

	private static int serverErrors(Map<String, Integer> statuses) {
		return statuses.entrySet().stream().filter(e -> e.getKey().startsWith("5")).mapToInt(Map.Entry::getValue).sum();
	}

	/** p50, p99 and max of sorted latencies in nanoseconds, as milliseconds. */
	private static Map<String, Object> latencyFigures(List<Long> sorted) {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("p50Ms", ms(sorted.get(sorted.size() / 2)));
		figures.put("p99Ms", ms(sorted.get(Math.min(sorted.size() - 1, sorted.size() * 99 / 100))));
		figures.put("maxMs", ms(sorted.get(sorted.size() - 1)));
		return figures;
	}

	private static double ms(long nanos) {
		return Math.round(nanos / 10_000.0) / 100.0;
	}

	private static long followUps(ProcessEngine engine) {
		return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("follow-up").count();
	}

	/** Runs the follow-up jobs as the job executor would; returns how many completed. */
	private static long deliverFollowUps(ProcessEngine engine) {
		long delivered = 0;
		for (var job : engine.getManagementService().createJobQuery().processDefinitionKey("follow-up").executable()
			.list()) {
			engine.getManagementService().executeJob(job.getId());
			delivered++;
		}
		return delivered;
	}

	private static HttpResponse<String> post(HttpClient http, int port, String user, String path, String body)
			throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static long count(String url, String sql) throws Exception {
		try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
				var rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
