package com.creditdesk.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.creditdesk.support.EmbeddedPostgresConfiguration;
import com.creditdesk.support.InvestigationFixture;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The cost of a human step: the credit investigation's happy path (start, the rep's application, two approval
 * levels) beside the engine floor (a trivial start → user task → end process deployed in the same app), on H2 and
 * on PostgreSQL, through the Java API (as the signed-in user, what Tasklist's calls end in) and through REST
 * ({@code /engine-rest/.../submit-form}, HTTP basic). Per step p50/p95 in ms and the ratio of the p50 to the floor's
 * step of the same kind (a start to the floor's start, a task to the floor's task), and the database statements and
 * commits per step (counted at the application's DataSource), for the capacity model.
 * <p>
 * System properties: {@code bench.n} measured cases per scenario (default 20), {@code bench.warmup} (default 5).
 */
public final class WorkflowBenchmark {

	private static final String FLOOR = "workflow-floor";

	private static final AtomicLong STATEMENTS = new AtomicLong();

	private static final AtomicLong COMMITS = new AtomicLong();

	private static final AtomicLong BATCHED = new AtomicLong();

	/**
	 * Writes (an insert, update or delete executed alone or added to a batch) by statement kind and table, and reads
	 * (a select executed) by the first table after its {@code from}.
	 */
	private static final Map<String, AtomicLong> WRITES = new java.util.concurrent.ConcurrentHashMap<>();

	private static final java.util.regex.Pattern WRITE = java.util.regex.Pattern
		.compile("^\\s*(insert\\s+into|update|delete\\s+from)\\s+([A-Za-z_0-9.\"]+)", java.util.regex.Pattern.CASE_INSENSITIVE);

	private static final java.util.regex.Pattern SELECT = java.util.regex.Pattern.compile(
			"^\\s*(?:with\\b.*?\\)\\s*)?select\\b.*?\\bfrom\\s+\\(?\\s*([A-Za-z_0-9.\"]+)",
			java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);

	private static final ObjectMapper JSON = new ObjectMapper();

	public static void main(String[] args) throws Exception {
		int n = Integer.getInteger("bench.n", 20);
		int warmup = Integer.getInteger("bench.warmup", 5);
		BenchmarkResult result = new BenchmarkResult("workflow");
		try {
			for (String db : System.getProperty("bench.databases", "h2,postgresql").split(",")) {
				ConfigurableApplicationContext app = start(db);
				try {
					ProcessEngine engine = app.getBean(ProcessEngine.class);
					deployFloor(engine);
					int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
					for (String api : new String[] { "java", "rest" }) {
						Steps steps = new Steps(engine, api, port);
						for (int i = 0; i < warmup; i++) {
							steps.round(null);
						}
						Map<String, List<Sample>> samples = new LinkedHashMap<>();
						for (int i = 0; i < n; i++) {
							steps.round(samples);
						}
						report(result, db, api, samples);
					}
					result.add(overdueCases(app, port, db, Integer.getInteger("bench.overdueCases", 20)));
					if (!db.equals("h2")) {
						// a second node on the same database: the same statements and commits per step (no chatter
						// between nodes; the job executors, off here, only add their acquisition polls)
						ConfigurableApplicationContext second = start(db, app.getEnvironment()
							.getProperty("spring.datasource.url"), "--camunda.bpm.process-engine-name=node2");
						try {
							Steps onSecond = new Steps(second.getBean(ProcessEngine.class), "java", 0);
							onSecond.round(null);
							Map<String, List<Sample>> samples = new LinkedHashMap<>();
							for (int i = 0; i < n; i++) {
								onSecond.round(samples);
							}
							report(result, db, "java, second node", samples);
						}
						finally {
							second.close();
						}
					}
				}
				finally {
					app.close();
				}
			}
			result.write();
		}
		finally {
			EmbeddedPostgresConfiguration.stopServer();
		}
	}

	/** One step's time, its round trips to the database (statements and batches), the rows sent in batches, commits. */
	private record Sample(double ms, long statements, long batchedRows, long commits, Map<String, Long> writes) {
	}

	private static void report(BenchmarkResult result, String db, String api, Map<String, List<Sample>> samples) {
		double floorStart = p(samples.get("floor: start"), 0.5);
		double floorTask = p(samples.get("floor: complete task"), 0.5);
		samples.forEach((step, list) -> {
			Map<String, Object> scenario = new LinkedHashMap<>();
			scenario.put("db", db);
			scenario.put("api", api);
			scenario.put("step", step);
			scenario.put("cases", list.size());
			double p50 = p(list, 0.5);
			scenario.put("p50Ms", round(p50));
			scenario.put("p95Ms", round(p(list, 0.95)));
			if (!step.startsWith("floor")) {
				scenario.put("ratioToFloor", round(p50 / (step.endsWith("start") ? floorStart : floorTask)));
			}
			scenario.put("roundTrips", round(list.stream().mapToLong(Sample::statements).average().orElse(0)));
			scenario.put("batchedRows", round(list.stream().mapToLong(Sample::batchedRows).average().orElse(0)));
			scenario.put("commits", round(list.stream().mapToLong(Sample::commits).average().orElse(0)));
			Map<String, Double> writes = new java.util.TreeMap<>();
			list.forEach(sample -> sample.writes().forEach((table, rows) -> writes.merge(table, rows / (double) list.size(), Double::sum)));
			Map<String, Object> byTable = new LinkedHashMap<>();
			Map<String, Object> readsByTable = new LinkedHashMap<>();
			writes.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
				.forEach(entry -> (entry.getKey().startsWith("select ") ? readsByTable : byTable).put(entry.getKey(),
						round(entry.getValue())));
			scenario.put("writesByTable", byTable);
			scenario.put("readsByTable", readsByTable);
			result.add(scenario);
		});
	}

	private static double p(List<Sample> samples, double quantile) {
		double[] sorted = samples.stream().mapToDouble(Sample::ms).sorted().toArray();
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
	}

	/** One round: a floor case and an investigation, interleaved so both see the same machine. */
	private static final class Steps {

		private final ProcessEngine engine;

		private final String api;

		private final int port;

		private final HttpClient http = HttpClient.newHttpClient();

		Steps(ProcessEngine engine, String api, int port) {
			this.engine = engine;
			this.api = api;
			this.port = port;
		}

		void round(Map<String, List<Sample>> samples) throws Exception {
			String floor = timed(samples, "floor: start", () -> startForm("ana", FLOOR, Map.of("note", "started")));
			String floorTask = taskOf(floor);
			timed(samples, "floor: complete task", () -> submit("ana", floorTask, Map.of("note", "done")));

			String investigation = timed(samples, "investigation: start",
					() -> startForm("ana", "credit-investigation", InvestigationFixture.soundCustomer().variables()));
			String application = taskOf(investigation);
			timed(samples, "investigation: application", () -> submit("ana", application, Map.of("proposedLimit",
					200_000, "proposedTermMonths", 12, "proposalReason", "Reliable payer with audited statements.")));
			String first = taskOf(investigation);
			claim("clara", first);
			timed(samples, "investigation: first approval", () -> submit("clara", first,
					Map.of("approvalDecision", "APPROVE", "approvalComment", "Sound figures.")));
			String second = taskOf(investigation);
			claim("dora", second);
			timed(samples, "investigation: second approval", () -> submit("dora", second,
					Map.of("approvalDecision", "APPROVE")));
			if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(investigation).count() != 0) {
				throw new IllegalStateException("The investigation did not end after its second approval");
			}
		}

		private interface Step {

			String run() throws Exception;

		}

		private String timed(Map<String, List<Sample>> samples, String name, Step step) throws Exception {
			long statements = STATEMENTS.get();
			long batched = BATCHED.get();
			long commits = COMMITS.get();
			Map<String, Long> writesBefore = writes();
			long started = System.nanoTime();
			String answer = step.run();
			double ms = (System.nanoTime() - started) / 1e6;
			if (samples != null) {
				Map<String, Long> writes = writes();
				writesBefore.forEach((table, rows) -> writes.merge(table, -rows, Long::sum));
				writes.values().removeIf(rows -> rows == 0);
				samples.computeIfAbsent(name, k -> new ArrayList<>())
					.add(new Sample(ms, STATEMENTS.get() - statements, BATCHED.get() - batched, COMMITS.get() - commits,
							writes));
			}
			return answer;
		}

		/** The one open task of the instance (its sub-process's, for an approval). */
		private String taskOf(String instanceId) {
			var task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
			if (task == null) {
				task = engine.getTaskService().createTaskQuery()
					.processInstanceBusinessKey(engine.getRuntimeService().createProcessInstanceQuery()
						.processInstanceId(instanceId).singleResult().getBusinessKey())
					.singleResult();
			}
			return task.getId();
		}

		private String startForm(String user, String key, Map<String, Object> variables) throws Exception {
			if (api.equals("java")) {
				return asUser(user, () -> engine.getFormService().submitStartForm(engine.getRepositoryService()
					.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getId(),
						variables).getId());
			}
			String body = post(user, "/engine-rest/process-definition/key/" + key + "/submit-form",
					Map.of("variables", typed(variables)), 200);
			return (String) JSON.readValue(body, Map.class).get("id");
		}

		private String submit(String user, String taskId, Map<String, Object> variables) throws Exception {
			if (api.equals("java")) {
				return asUser(user, () -> {
					engine.getFormService().submitTaskForm(taskId, variables);
					return taskId;
				});
			}
			post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", typed(variables)), 204);
			return taskId;
		}

		private void claim(String user, String taskId) throws Exception {
			asUser(user, () -> {
				engine.getTaskService().claim(taskId, user);
				return null;
			});
		}

		private <T> T asUser(String user, java.util.concurrent.Callable<T> work) throws Exception {
			var identity = engine.getIdentityService();
			identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
				.map(Group::getId).toList());
			try {
				return work.call();
			}
			finally {
				identity.clearAuthentication();
			}
		}

		private String post(String user, String path, Object body, int expected) throws Exception {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Content-Type", "application/json")
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expected) {
				throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}

		private static Map<String, Object> typed(Map<String, Object> variables) {
			Map<String, Object> typed = new LinkedHashMap<>();
			variables.forEach((name, value) -> typed.put(name, Map.of("value", value, "type",
					value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer"
							: value instanceof Number ? "Double" : "String")));
			return typed;
		}

	}

	/**
	 * The daily overdue detection opening cases for {@code count} customers 40 days overdue (reminder, letter, credit
	 * hold and their tasks): time, round trips, batched rows and commits per case.
	 */
	private static Map<String, Object> overdueCases(ConfigurableApplicationContext app, int port, String db, int count)
			throws Exception {
		var customers = app.getBean(com.creditdesk.customer.CustomerRepository.class);
		java.time.LocalDate today = java.time.LocalDate.now();
		HttpClient http = HttpClient.newHttpClient();
		for (int i = 0; i < count; i++) {
			var customer = new com.creditdesk.customer.Customer("Overdue Bench Co. " + System.nanoTime(),
					com.creditdesk.support.TestCreditCodes.next(), com.creditdesk.customer.OwnershipType.PRIVATE, "ana");
			customer.grantLimit(java.math.BigDecimal.valueOf(100_000), "A", today.minusYears(1), today.plusYears(1),
					today.plusMonths(6), null);
			customer = customers.save(customer);
			HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
					+ "/api/receivables/invoices"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("fay:demo".getBytes(StandardCharsets.UTF_8)))
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("customerId", customer.getId(),
						"invoiceNumber", "INV-OD-" + customer.getId(), "invoiceDate", today.minusDays(70).toString(),
						"dueDate", today.minusDays(40).toString(), "amount", 20_000))))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (posted.statusCode() != 201) {
				throw new IllegalStateException("invoice: " + posted.statusCode() + " " + posted.body());
			}
		}
		var detection = app.getBean(com.creditdesk.collection.CollectionDetection.class);
		long statements = STATEMENTS.get();
		long batched = BATCHED.get();
		long commits = COMMITS.get();
		long started = System.nanoTime();
		var run = detection.run(today);
		double ms = (System.nanoTime() - started) / 1e6;
		int cases = run.casesOpened();
		Map<String, Object> scenario = new LinkedHashMap<>();
		scenario.put("db", db);
		scenario.put("api", "daily job");
		scenario.put("step", "overdue detection: open a case (40 days: reminder, letter, credit hold)");
		scenario.put("cases", cases);
		scenario.put("msPerCase", round(ms / cases));
		scenario.put("roundTrips", round((STATEMENTS.get() - statements) / (double) cases));
		scenario.put("batchedRows", round((BATCHED.get() - batched) / (double) cases));
		scenario.put("commits", round((COMMITS.get() - commits) / (double) cases));
		return scenario;
	}

	/** The whole application, quiet, no job executor; its DataSource counts statements and commits. */
	private static ConfigurableApplicationContext start(String db) throws Exception {
		return start(db, db.equals("h2") ? "jdbc:h2:mem:workflow" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"
				: EmbeddedPostgresConfiguration.newDatabaseUrl());
	}

	private static ConfigurableApplicationContext start(String db, String url, String... extra) {
		boolean h2 = db.equals("h2");
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + (h2 ? "sa" : "postgres"),
				"--spring.datasource.password=" + (h2 ? "" : "postgres"), "--camunda.bpm.job-execution.enabled=false",
				"--creditdesk.review.scheduler-enabled=false", "--creditdesk.demo.portfolio=false",
				"--logging.level.root=WARN", "--spring.main.banner-mode=off"));
		args.addAll(List.of(extra));
		SpringApplicationBuilder builder = new SpringApplicationBuilder(com.creditdesk.CreditDeskApplication.class)
			.initializers(context -> context.getBeanFactory().addBeanPostProcessor(new CountingDataSources()));
		builder = h2 ? builder.profiles("demo") : builder.profiles("postgres", "demo");
		return builder.run(args.toArray(String[]::new));
	}

	private static void deployFloor(ProcessEngine engine) {
		// as a person meets it in Tasklist: a start form and a task form of one field each
		String form = """
				{"id":"workflow-floor","type":"default","schemaVersion":16,"executionPlatform":"Camunda Platform",
				 "executionPlatformVersion":"7.24.0","components":[{"type":"textfield","id":"Field_note","key":"note",
				 "label":"Note"}]}""";
		engine.getRepositoryService().createDeployment().name(FLOOR)
			.addString(FLOOR + ".form", form)
			.addModelInstance(FLOOR + ".bpmn", Bpmn.createExecutableProcess(FLOOR)
				.name("Engine floor")
				.camundaHistoryTimeToLive(1)
				.startEvent("StartEvent_Floor").camundaInitiator("initiator")
				.camundaFormRef(FLOOR).camundaFormRefBinding("deployment")
				.userTask("UserTask_Floor").camundaAssignee("${initiator}")
				.camundaFormRef(FLOOR).camundaFormRefBinding("deployment")
				.endEvent("EndEvent_Floor")
				.done())
			.deploy();
		var authorizations = engine.getAuthorizationService();
		Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setGroupId("salesReps");
		grant.setResource(Resources.PROCESS_DEFINITION);
		grant.setResourceId(FLOOR);
		grant.addPermission(Permissions.READ);
		grant.addPermission(Permissions.CREATE_INSTANCE);
		authorizations.saveAuthorization(grant);
	}

	/** Wraps the application's DataSource: every statement executed (a batch counts once) and every commit. */
	private static final class CountingDataSources implements BeanPostProcessor {

		@Override
		public Object postProcessAfterInitialization(Object bean, String name) {
			if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
				return proxy(DataSource.class, dataSource, (method, arguments, result) -> result instanceof Connection c
						? proxy(Connection.class, c, WorkflowBenchmark::countConnection) : result);
			}
			return bean;
		}

	}

	private static Map<String, Long> writes() {
		Map<String, Long> copy = new java.util.HashMap<>();
		WRITES.forEach((table, rows) -> copy.put(table, rows.get()));
		return copy;
	}

	private static Object countConnection(java.lang.reflect.Method method, Object[] arguments, Object result) {
		if (method.getName().equals("commit")) {
			COMMITS.incrementAndGet();
		}
		if (result instanceof java.sql.CallableStatement s) {
			return proxy(java.sql.CallableStatement.class, s, WorkflowBenchmark::countStatement);
		}
		if (result instanceof java.sql.PreparedStatement s) {
			java.util.regex.Matcher write = arguments != null && arguments.length > 0 && arguments[0] instanceof String sql
					? WRITE.matcher(sql) : null;
			if (write != null && write.find()) {
				AtomicLong rows = WRITES.computeIfAbsent(write.group(1).split("\\s+")[0].toLowerCase() + " "
						+ write.group(2).replace("\"", "").toUpperCase(), k -> new AtomicLong());
				return proxy(java.sql.PreparedStatement.class, s, (m, a, r) -> {
					if (m.getName().equals("addBatch") || m.getName().equals("executeUpdate")
							|| m.getName().equals("execute")) {
						rows.incrementAndGet();
					}
					return countStatement(m, a, r);
				});
			}
			java.util.regex.Matcher read = arguments != null && arguments.length > 0 && arguments[0] instanceof String sql
					? SELECT.matcher(sql) : null;
			if (read != null && read.find()) {
				AtomicLong rows = WRITES.computeIfAbsent("select " + read.group(1).replace("\"", "").toUpperCase(),
						k -> new AtomicLong());
				return proxy(java.sql.PreparedStatement.class, s, (m, a, r) -> {
					if (m.getName().startsWith("execute")) {
						rows.incrementAndGet();
					}
					return countStatement(m, a, r);
				});
			}
			return proxy(java.sql.PreparedStatement.class, s, WorkflowBenchmark::countStatement);
		}
		if (result instanceof Statement s) {
			return proxy(Statement.class, s, WorkflowBenchmark::countStatement);
		}
		return result;
	}

	private static Object countStatement(java.lang.reflect.Method method, Object[] arguments, Object result) {
		if (method.getName().startsWith("execute")) {
			STATEMENTS.incrementAndGet();
		}
		else if (method.getName().equals("addBatch")) {
			BATCHED.incrementAndGet();
		}
		return result;
	}

	private interface After {

		Object apply(java.lang.reflect.Method method, Object[] arguments, Object result);

	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, After after) {
		InvocationHandler handler = (p, method, arguments) -> {
			try {
				return after.apply(method, arguments, method.invoke(target, arguments));
			}
			catch (InvocationTargetException e) {
				throw e.getCause();
			}
		};
		return (T) Proxy.newProxyInstance(WorkflowBenchmark.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
