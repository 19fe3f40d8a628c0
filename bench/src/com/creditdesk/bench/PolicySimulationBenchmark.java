package com.creditdesk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

import com.creditdesk.policy.PolicyCatalog;
import com.creditdesk.policy.PolicySimulator;
import com.creditdesk.support.EmbeddedPostgresConfiguration;

/**
 * The policy workbench's portfolio simulation on the large benchmark portfolio in PostgreSQL: 10,000 customers with
 * 100 open receivables each and one scored credit file each (ratios and ratings spread over every grade). A candidate
 * scorecard (AA from 85 points instead of 80) is evaluated beside the live one on every file, with the approval chain
 * of both suggestions and the exposure above the new one, as the page asks for it ({@link PolicySimulator}). Runs
 * {@code bench.runs} times (default 3) after 1 warm-up run; prints p50/p95 seconds and credit files per second.
 */
public final class PolicySimulationBenchmark {

	public static void main(String[] args) throws Exception {
		int customers = Integer.getInteger("bench.customers", 10_000);
		int perCustomer = Integer.getInteger("bench.receivablesPerCustomer", 100);
		int runs = Integer.getInteger("bench.runs", 3);
		BenchmarkResult result = new BenchmarkResult("policy-simulation");
		String url = EmbeddedPostgresConfiguration.newDatabaseUrl();
		ConfigurableApplicationContext app = BenchData.startApp(url);
		try {
			BenchData.generate(url, customers, perCustomer);
			scoredFiles(url);
			PolicyCatalog catalog = app.getBean(PolicyCatalog.class);
			PolicySimulator simulator = app.getBean(PolicySimulator.class);
			String live = catalog.liveXml(catalog.get("credit-scorecard"));
			String candidate = live.replace("<text>[80..90[</text>", "<text>[85..90[</text>")
				.replace("<text>[70..80[</text>", "<text>[70..85[</text>");
			if (candidate.equals(live)) {
				throw new IllegalStateException("the AA band was not found in the live scorecard");
			}
			String authority = catalog.liveXml(catalog.get("approval-authority"));
			List<Long> nanos = new ArrayList<>();
			PolicySimulator.Simulation last = null;
			for (int i = 0; i < runs + 1; i++) {
				long start = System.nanoTime();
				last = simulator.simulate("credit-scorecard", live, candidate, authority);
				long took = System.nanoTime() - start;
				System.out.printf("policy-simulation: run %d of %d: %d files in %.1f s%n", i + 1, runs + 1, last.files(),
						took / 1e9);
				if (i >= 1) {
					nanos.add(took);
				}
			}
			if (last.files() < customers) {
				throw new IllegalStateException("simulated " + last.files() + " files, expected " + customers);
			}
			Map<String, Object> scenario = new LinkedHashMap<>();
			scenario.put("database", "postgresql");
			scenario.put("creditFiles", last.files());
			scenario.put("openReceivables", (long) customers * perCustomer);
			scenario.put("runs", runs);
			scenario.put("gradesChanged", last.gradesChanged());
			scenario.put("limitsChanged", last.limitsChanged());
			scenario.put("chainsChanged", last.chainsChanged());
			scenario.put("p50Seconds", seconds(percentile(nanos, 50)));
			scenario.put("p95Seconds", seconds(percentile(nanos, 95)));
			scenario.put("filesPerSecondAtP50", Math.round(last.files() / (percentile(nanos, 50) / 1e9)));
			result.add(scenario);
			result.write();
		}
		finally {
			app.close();
			EmbeddedPostgresConfiguration.stopServer();
		}
	}

	/** One scored credit file per benchmark customer, its ratios and ratings spread so that every grade occurs. */
	private static void scoredFiles(String url) throws Exception {
		try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
				Statement s = c.createStatement()) {
			s.execute("""
					INSERT INTO credit_file (customer_id, process_instance_id, kind, status, statement_period,
					  statements_audited, quick_assets, current_liabilities, total_liabilities, total_assets_start,
					  total_assets_end, sales_revenue, net_profit, expected_monthly_purchases, payment_term_days,
					  requested_limit, quick_ratio, debt_to_asset_ratio, asset_turnover, net_profit_margin, net_worth,
					  qualitative_points, credit_score, credit_grade, suggested_limit, entered_by, entered_at)
					SELECT c.id, 'bench', 'INVESTIGATION', 'SUBMITTED', 'FY2025', TRUE, 1000000, 1000000, 2000000,
					  4000000, 5000000, 18000000, 1800000, 200000 + (c.id %% 50) * 20000, 30 + (c.id %% 3) * 15, 300000,
					  0.3 + (c.id %% 15) / 10.0, 0.25 + (c.id %% 7) / 10.0, 1 + (c.id %% 6), (c.id %% 25) / 100.0,
					  2000000 + (c.id %% 40) * 250000, 12 + (c.id * 7 %% 49), 70, 'A', 100000, 'ana', now()
					FROM customer c WHERE c.credit_code LIKE 'B%%'""".formatted());
			s.execute("ANALYZE");
		}
	}

	private static long percentile(List<Long> values, int p) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
	}

	private static double seconds(long nanos) {
		return Math.round(nanos / 1_000_000.0) / 1000.0;
	}

}
