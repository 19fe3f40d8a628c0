package com.creditdesk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Generates the benchmark data set in PostgreSQL, server-side: customers and their open receivables. */
final class BenchData {

	private BenchData() {
	}

	/** The whole application on the benchmark's PostgreSQL database, quiet, no job executor or daily jobs. */
	static org.springframework.context.ConfigurableApplicationContext startApp(String url, String... extra) {
		java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=0",
				"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres", "--camunda.bpm.job-execution.enabled=false",
				"--creditdesk.review.scheduler-enabled=false", "--creditdesk.demo.portfolio=false",
				"--logging.level.root=WARN",
				"--spring.main.banner-mode=off"));
		args.addAll(java.util.List.of(extra));
		return new org.springframework.boot.builder.SpringApplicationBuilder(com.creditdesk.CreditDeskApplication.class)
			.profiles("postgres", "demo")
			.run(args.toArray(String[]::new));
	}

	/** Server-side generation: the data is realistic in size and shape, never overdue, limits with headroom. */
	static void generate(String url, int customers, int perCustomer) throws Exception {
		try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
				Statement s = c.createStatement()) {
			s.execute("""
					INSERT INTO customer (name, credit_code, ownership_type, region, responsible_rep, status,
					  credit_grade, credit_limit, limit_valid_until, next_review_date, created_at, updated_at)
					SELECT 'Bench customer ' || g, 'B' || lpad(g::text, 17, '0'), 'PRIVATE', 'East China',
					  CASE WHEN g %% 2 = 0 THEN 'ana' ELSE 'ben' END, 'ACTIVE', 'A', 50000000,
					  current_date + 365, current_date + 180, now(), now()
					FROM generate_series(1, %d) g""".formatted(customers));
			s.execute("""
					INSERT INTO receivable (customer_id, invoice_number, order_reference, invoice_date, due_date,
					  amount, open_amount, currency, responsible_rep, covered_amount, status, posted_at)
					SELECT c.id, 'INV-' || g, 'SO-' || g, current_date - (g %% 60), current_date + 60 - (g %% 60),
					  1000 + (g * 37 %% 9000), 1000 + (g * 37 %% 9000), 'CNY', c.responsible_rep,
					  1000 + (g * 37 %% 9000), 'OPEN', now()
					FROM customer c CROSS JOIN generate_series(1, %d) g
					WHERE c.credit_code LIKE 'B%%'""".formatted(perCustomer));
			s.execute("""
					INSERT INTO customer_exposure (customer_id, open_receivables, reserved, unapplied_credit, updated_at)
					SELECT customer_id, sum(open_amount), 0, 0, now() FROM receivable GROUP BY customer_id""");
			s.execute("ANALYZE");
		}
	}

	static long firstCustomerId(String url) throws Exception {
		try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
				var rs = c.createStatement().executeQuery("SELECT min(id) FROM customer WHERE credit_code LIKE 'B%'")) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
