package com.creditdesk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.ConfigurableApplicationContext;

import com.creditdesk.collection.CollectionDetection;
import com.creditdesk.support.EmbeddedPostgresConfiguration;

/**
 * The daily overdue detection over 1,000,000 open receivables of 10,000 customers in PostgreSQL, of which 5 % of
 * the customers (every 20th) have 3 invoices 5 to 94 days overdue. Measured, single-threaded:
 * <ol>
 * <li>the plain SQL query that finds the overdue customers (what the detection's own query does, by hand);</li>
 * <li>day 0: the detection run that opens one case per overdue customer, each running to its first wait (stage
 * decision, once-only actions: reminder, letter, hold, tasks);</li>
 * <li>day 1: the detection run again (nothing new) plus every case's daily check timer executed (advancing).</li>
 * </ol>
 */
public final class CollectionDetectionBenchmark {

	static final String PLAIN_SQL = """
			SELECT customer_id, min(due_date), sum(open_amount), count(*)
			FROM receivable WHERE status = 'OPEN' AND due_date < ? GROUP BY customer_id""";

	public static void main(String[] args) throws Exception {
		int customers = Integer.getInteger("bench.customers", 10_000);
		int perCustomer = Integer.getInteger("bench.receivablesPerCustomer", 100);
		BenchmarkResult result = new BenchmarkResult("collection-detection");
		String url = EmbeddedPostgresConfiguration.newDatabaseUrl();
		ConfigurableApplicationContext app = BenchData.startApp(url, "--creditdesk.collection.scheduler-enabled=false");
		try {
			BenchData.generate(url, customers, perCustomer);
			int overdueCustomers = makeOverdue(url);
			LocalDate today = LocalDate.now();
			CollectionDetection detection = app.getBean(CollectionDetection.class);
			ManagementService management = app.getBean(ManagementService.class);
			RuntimeService runtime = app.getBean(RuntimeService.class);

			long sqlNanos = Long.MAX_VALUE;
			int sqlRows = 0;
			try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
				for (int i = 0; i < 5; i++) {
					long start = System.nanoTime();
					sqlRows = plainSql(c, today);
					sqlNanos = Math.min(sqlNanos, System.nanoTime() - start);
				}
			}

			long start = System.nanoTime();
			CollectionDetection.DetectionResult opened = detection.run(today);
			long openNanos = System.nanoTime() - start;
			if (opened.casesOpened() != sqlRows || opened.failed() > 0) {
				throw new IllegalStateException("SQL found " + sqlRows + " overdue customers, detection " + opened);
			}
			long tasks = app.getBean(org.camunda.bpm.engine.TaskService.class).createTaskQuery().count();

			ClockUtil.setCurrentTime(Date.from(today.plusDays(1).atTime(6, 30).atZone(ZoneId.systemDefault()).toInstant()));
			start = System.nanoTime();
			CollectionDetection.DetectionResult again = detection.run(today.plusDays(1));
			int advanced = 0;
			for (Job timer : management.createJobQuery().processDefinitionKey("overdue-collection").timers().executable().list()) {
				management.executeJob(timer.getId());
				advanced++;
			}
			long advanceNanos = System.nanoTime() - start;
			ClockUtil.reset();
			if (again.casesOpened() != 0 || advanced != sqlRows) {
				throw new IllegalStateException("day 1 opened " + again.casesOpened() + ", advanced " + advanced);
			}
			long running = runtime.createProcessInstanceQuery().processDefinitionKey("overdue-collection").count();

			Map<String, Object> scenario = new LinkedHashMap<>();
			scenario.put("database", "postgresql");
			scenario.put("openReceivables", (long) customers * perCustomer);
			scenario.put("customers", customers);
			scenario.put("overdueCustomers", overdueCustomers);
			scenario.put("plainSqlMs", ms(sqlNanos));
			scenario.put("day0DetectionOpeningCasesMs", ms(openNanos));
			scenario.put("casesOpened", opened.casesOpened());
			scenario.put("tasksCreated", tasks);
			scenario.put("day1DetectionAndDailyChecksMs", ms(advanceNanos));
			scenario.put("casesAdvanced", advanced);
			scenario.put("casesRunning", running);
			scenario.put("ratioDay0ToSql", Math.round(openNanos * 10.0 / sqlNanos) / 10.0);
			scenario.put("threads", 1);
			result.add(scenario);
			result.write();
		}
		finally {
			app.close();
			EmbeddedPostgresConfiguration.stopServer();
		}
	}

	/** Every 20th customer gets 3 invoices 5 to 94 days overdue (so cases open at every stage). */
	private static int makeOverdue(String url) throws Exception {
		try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
			s.executeUpdate("""
					UPDATE receivable r SET due_date = current_date - (5 + (r.customer_id * 7 + n.k * 11) % 90)::int,
					  invoice_date = current_date - (35 + (r.customer_id * 7 + n.k * 11) % 90)::int
					FROM (SELECT id, row_number() OVER (PARTITION BY customer_id ORDER BY id) k FROM receivable) n
					WHERE n.id = r.id AND n.k <= 3 AND r.customer_id % 20 = 0""");
			s.execute("ANALYZE receivable");
			try (ResultSet rs = s.executeQuery(
					"SELECT count(DISTINCT customer_id) FROM receivable WHERE due_date < current_date")) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	private static int plainSql(Connection c, LocalDate today) throws Exception {
		try (PreparedStatement s = c.prepareStatement(PLAIN_SQL)) {
			s.setDate(1, java.sql.Date.valueOf(today));
			int rows = 0;
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					rows++;
				}
			}
			return rows;
		}
	}

	private static double ms(long nanos) {
		return Math.round(nanos / 10_000.0) / 100.0;
	}

	private CollectionDetectionBenchmark() {
	}

}
