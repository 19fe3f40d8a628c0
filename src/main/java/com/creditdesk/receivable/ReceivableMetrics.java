package com.creditdesk.receivable;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.creditdesk.system.BusinessClock;
import com.creditdesk.system.MetricFigures;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code creditdesk_receivables_overdue_cny{bucket}}: the open amount past its due date, by days overdue (the aging
 * report's buckets 1-30, 31-60, 61-90, 91-180, over180). The credit checks' counter and latency are recorded by
 * {@link CreditCheckService}.
 */
@Component
class ReceivableMetrics implements MeterBinder {

	static final List<String> BUCKETS = List.of("1-30", "31-60", "61-90", "91-180", "over180");

	private final JdbcTemplate jdbc;

	private final MetricFigures.Source<String> overdue;

	ReceivableMetrics(JdbcTemplate jdbc, MetricFigures figures) {
		this.jdbc = jdbc;
		this.overdue = figures.source("overdue receivables", this::overdueByBucket);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String bucket : BUCKETS) {
			Gauge.builder("creditdesk.receivables.overdue", overdue, source -> source.value(bucket))
				.description("Open receivables past their due date, by days overdue")
				.baseUnit("cny")
				.tag("bucket", bucket)
				.register(registry);
		}
	}

	private Map<String, Double> overdueByBucket() {
		LocalDate today = BusinessClock.today();
		Map<String, Double> amounts = new HashMap<>();
		jdbc.query("""
				select bucket, sum(open_amount) amount
				from (select case when due_date >= ? then '1-30' when due_date >= ? then '31-60'
				                  when due_date >= ? then '61-90' when due_date >= ? then '91-180'
				                  else 'over180' end bucket,
				             open_amount
				      from receivable
				      where status = 'OPEN' and due_date < ?) overdue
				group by bucket""", rs -> {
			amounts.put(rs.getString("bucket"), rs.getBigDecimal("amount").doubleValue());
		}, date(today, 30), date(today, 60), date(today, 90), date(today, 180), date(today, 0));
		return amounts;
	}

	private static Date date(LocalDate today, int daysBefore) {
		return Date.valueOf(today.minusDays(daysBefore));
	}

}
