package com.creditdesk.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

import com.creditdesk.identity.CurrentUser;
import com.creditdesk.report.AgingService;
import com.creditdesk.support.EmbeddedPostgresConfiguration;

/**
 * The aging report over 1,000,000 open receivables of 10,000 customers in PostgreSQL, per customer, against a
 * hand-written SQL aggregation of the same figures (days and year buckets per customer) on the stored open amounts:
 * the obvious one (eleven conditional sums per customer) and the bucketed one the report itself asks for. Each runs
 * {@code bench.runs} times (default 20) after 3 warm-up runs; prints p50/p95 of all three and the ratios.
 */
public final class AgingBenchmark {

	/** The same figures as the report (days and year buckets per customer, with name and status), by hand. */
	static final String HAND_WRITTEN = """
			SELECT c.id, min(c.name), min(c.status), sum(r.open_amount), count(*),
			  sum(CASE WHEN r.due_date >= ? THEN r.open_amount ELSE 0 END),
			  sum(CASE WHEN r.due_date < ? AND r.due_date >= ? THEN r.open_amount ELSE 0 END),
			  sum(CASE WHEN r.due_date < ? AND r.due_date >= ? THEN r.open_amount ELSE 0 END),
			  sum(CASE WHEN r.due_date < ? AND r.due_date >= ? THEN r.open_amount ELSE 0 END),
			  sum(CASE WHEN r.due_date < ? AND r.due_date >= ? THEN r.open_amount ELSE 0 END),
			  sum(CASE WHEN r.due_date < ? THEN r.open_amount ELSE 0 END),
			  sum(CASE WHEN r.invoice_date >= ? THEN r.open_amount ELSE 0 END),
			  sum(CASE WHEN r.invoice_date < ? AND r.invoice_date >= ? THEN r.open_amount ELSE 0 END),
			  sum(CASE WHEN r.invoice_date < ? AND r.invoice_date >= ? THEN r.open_amount ELSE 0 END),
			  sum(CASE WHEN r.invoice_date < ? THEN r.open_amount ELSE 0 END)
			FROM receivable r JOIN customer c ON c.id = r.customer_id
			WHERE r.status = 'OPEN' AND r.open_amount > 0 GROUP BY c.id""";


	/** The same figures by hand the way the report asks for them: one sum per (customer, days bucket, year bucket). */
	static final String HAND_WRITTEN_BUCKETED = """
			SELECT c.id, c.name, c.status, b.d, b.y, b.amount, b.invoices FROM (
			  SELECT r.customer_id, sum(r.open_amount) AS amount, count(*) AS invoices,
			    CASE WHEN r.due_date >= ? THEN 0 WHEN r.due_date >= ? THEN 1 WHEN r.due_date >= ? THEN 2
			         WHEN r.due_date >= ? THEN 3 WHEN r.due_date >= ? THEN 4 ELSE 5 END AS d,
			    CASE WHEN r.invoice_date >= ? THEN 0 WHEN r.invoice_date >= ? THEN 1 WHEN r.invoice_date >= ? THEN 2 ELSE 3 END AS y
			  FROM receivable r WHERE r.status = 'OPEN' AND r.open_amount > 0 GROUP BY r.customer_id, 4, 5) b
			JOIN customer c ON c.id = b.customer_id""";

	public static void main(String[] args) throws Exception {
		int customers = Integer.getInteger("bench.customers", 10_000);
		int perCustomer = Integer.getInteger("bench.receivablesPerCustomer", 100);
		int runs = Integer.getInteger("bench.runs", 20);
		BenchmarkResult result = new BenchmarkResult("aging");
		String url = EmbeddedPostgresConfiguration.newDatabaseUrl();
		ConfigurableApplicationContext app = BenchData.startApp(url);
		try {
			BenchData.generate(url, customers, perCustomer);
			AgingService aging = app.getBean(AgingService.class);
			CurrentUser manager = new CurrentUser("clara", List.of("customerManagers"));
			LocalDate asOf = LocalDate.now();
			List<Long> report = new ArrayList<>();
			List<Long> sql = new ArrayList<>();
			List<Long> bucketed = new ArrayList<>();
			int rows = 0;
			try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
				for (int i = 0; i < runs + 3; i++) {
					long start = System.nanoTime();
					rows = aging.aging(asOf, "customer", false, null, manager).rows().size();
					long reportNanos = System.nanoTime() - start;
					start = System.nanoTime();
					int sqlRows = handWritten(c, asOf);
					long sqlNanos = System.nanoTime() - start;
					start = System.nanoTime();
					handWrittenBucketed(c, asOf);
					long bucketedNanos = System.nanoTime() - start;
					if (sqlRows != rows) {
						throw new IllegalStateException("report has " + rows + " rows, SQL " + sqlRows);
					}
					if (i >= 3) {
						report.add(reportNanos);
						sql.add(sqlNanos);
						bucketed.add(bucketedNanos);
					}
				}
			}
			Map<String, Object> scenario = new LinkedHashMap<>();
			scenario.put("database", "postgresql");
			scenario.put("openReceivables", (long) customers * perCustomer);
			scenario.put("rows", rows);
			scenario.put("runs", runs);
			scenario.put("reportP50Ms", ms(percentile(report, 50)));
			scenario.put("reportP95Ms", ms(percentile(report, 95)));
			scenario.put("sqlP50Ms", ms(percentile(sql, 50)));
			scenario.put("sqlP95Ms", ms(percentile(sql, 95)));
			scenario.put("ratioP50", Math.round(percentile(report, 50) * 100.0 / percentile(sql, 50)) / 100.0);
			scenario.put("ratioP95", Math.round(percentile(report, 95) * 100.0 / percentile(sql, 95)) / 100.0);
			scenario.put("sqlBucketedP50Ms", ms(percentile(bucketed, 50)));
			scenario.put("sqlBucketedP95Ms", ms(percentile(bucketed, 95)));
			scenario.put("ratioToBucketedP50", Math.round(percentile(report, 50) * 100.0 / percentile(bucketed, 50)) / 100.0);
			scenario.put("ratioToBucketedP95", Math.round(percentile(report, 95) * 100.0 / percentile(bucketed, 95)) / 100.0);
			result.add(scenario);
			result.write();
		}
		finally {
			app.close();
			EmbeddedPostgresConfiguration.stopServer();
		}
	}

	private static int handWritten(Connection c, LocalDate asOf) throws Exception {
		try (PreparedStatement s = c.prepareStatement(HAND_WRITTEN)) {
			Date d0 = Date.valueOf(asOf);
			Date d30 = Date.valueOf(asOf.minusDays(30));
			Date d60 = Date.valueOf(asOf.minusDays(60));
			Date d90 = Date.valueOf(asOf.minusDays(90));
			Date d180 = Date.valueOf(asOf.minusDays(180));
			Date y0 = Date.valueOf(asOf.withDayOfYear(1));
			Date y1 = Date.valueOf(asOf.withDayOfYear(1).minusYears(1));
			Date y2 = Date.valueOf(asOf.withDayOfYear(1).minusYears(2));
			Date[] values = { d0, d0, d30, d30, d60, d60, d90, d90, d180, d180, y0, y0, y1, y1, y2, y2 };
			for (int i = 0; i < values.length; i++) {
				s.setDate(i + 1, values[i]);
			}
			int rows = 0;
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					rows++;
				}
			}
			return rows;
		}
	}

	private static int handWrittenBucketed(Connection c, LocalDate asOf) throws Exception {
		try (PreparedStatement s = c.prepareStatement(HAND_WRITTEN_BUCKETED)) {
			LocalDate january = asOf.withDayOfYear(1);
			Date[] values = { Date.valueOf(asOf), Date.valueOf(asOf.minusDays(30)), Date.valueOf(asOf.minusDays(60)),
					Date.valueOf(asOf.minusDays(90)), Date.valueOf(asOf.minusDays(180)), Date.valueOf(january),
					Date.valueOf(january.minusYears(1)), Date.valueOf(january.minusYears(2)) };
			for (int i = 0; i < values.length; i++) {
				s.setDate(i + 1, values[i]);
			}
			int rows = 0;
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					rows++;
				}
			}
			return rows;
		}
	}

	private static long percentile(List<Long> values, int p) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
	}

	private static double ms(long nanos) {
		return Math.round(nanos / 10_000.0) / 100.0;
	}

}
