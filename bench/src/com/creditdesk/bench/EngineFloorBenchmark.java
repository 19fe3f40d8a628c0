package com.creditdesk.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

import com.creditdesk.support.EmbeddedPostgresConfiguration;

/**
 * The engine floor: instances per second of start -> user task -> complete -> end with the Java API and history
 * FULL, on H2 (in memory) and on PostgreSQL (embedded server), with 1 and 4 threads.
 * <p>
 * System properties: {@code bench.n} instances per scenario (default 2000), {@code bench.warmup} (default 200).
 */
public final class EngineFloorBenchmark {

	private static final String PROCESS = "engine-floor";

	public static void main(String[] args) throws Exception {
		int n = Integer.getInteger("bench.n", 2000);
		int warmup = Integer.getInteger("bench.warmup", 200);
		BenchmarkResult result = new BenchmarkResult("engine-floor");
		try {
			for (String db : new String[] { "h2", "postgresql" }) {
				String url = db.equals("h2") ? "jdbc:h2:mem:floor" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"
						: EmbeddedPostgresConfiguration.newDatabaseUrl();
				ProcessEngine engine = engine(url, db.equals("h2") ? "sa" : "postgres",
						db.equals("h2") ? "" : "postgres");
				try {
					engine.getRepositoryService().createDeployment().addModelInstance(PROCESS + ".bpmn", model())
						.deploy();
					run(engine, warmup, 1);
					for (int threads : new int[] { 1, 4 }) {
						double seconds = run(engine, n, threads);
						Map<String, Object> scenario = new LinkedHashMap<>();
						scenario.put("db", db);
						scenario.put("history", "full");
						scenario.put("threads", threads);
						scenario.put("instances", n);
						scenario.put("seconds", round(seconds));
						scenario.put("instancesPerSecond", round(n / seconds));
						result.add(scenario);
					}
				}
				finally {
					engine.close();
				}
			}
			result.write();
		}
		finally {
			EmbeddedPostgresConfiguration.stopServer();
		}
	}

	private static double run(ProcessEngine engine, int n, int threads) throws Exception {
		AtomicInteger remaining = new AtomicInteger(n);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		Future<?>[] futures = new Future<?>[threads];
		for (int t = 0; t < threads; t++) {
			futures[t] = pool.submit(() -> {
				TaskService tasks = engine.getTaskService();
				while (remaining.getAndDecrement() > 0) {
					String id = engine.getRuntimeService().startProcessInstanceByKey(PROCESS).getId();
					Task task = tasks.createTaskQuery().processInstanceId(id).singleResult();
					tasks.complete(task.getId());
				}
				return null;
			});
		}
		for (Future<?> f : futures) {
			f.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		return seconds;
	}

	private static ProcessEngine engine(String url, String user, String password) {
		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setJdbcUrl(url);
		configuration.setJdbcUsername(user);
		configuration.setJdbcPassword(password);
		configuration.setJdbcDriver(url.startsWith("jdbc:h2") ? "org.h2.Driver" : "org.postgresql.Driver");
		configuration.setJdbcMaxActiveConnections(8);
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
		configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		configuration.setJobExecutorActivate(false);
		configuration.setProcessEngineName("floor-" + System.nanoTime());
		return configuration.buildProcessEngine();
	}

	private static BpmnModelInstance model() {
		return Bpmn.createExecutableProcess(PROCESS)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("Task_Work")
			.endEvent()
			.done();
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
