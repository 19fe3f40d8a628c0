package com.creditdesk.collection;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.creditdesk.system.MetricFigures;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code creditdesk_collection_cases_open{stage}}: open overdue-collection cases by the stage they reached (every
 * stage of the stage table); {@code creditdesk_writeoffs_total} and {@code creditdesk_writeoffs_amount_cny_total}:
 * the bad debts written off, counted from the write-off records (so they hold across restarts and nodes).
 */
@Component
class CollectionMetrics implements MeterBinder {

	private static final String COUNT = "count";

	private static final String AMOUNT = "amount";

	private final JdbcTemplate jdbc;

	private final CollectionStages stages;

	private final MetricFigures.Source<String> openCases;

	private final MetricFigures.Source<String> writeOffs;

	CollectionMetrics(JdbcTemplate jdbc, CollectionStages stages, MetricFigures figures) {
		this.jdbc = jdbc;
		this.stages = stages;
		this.openCases = figures.source("open collection cases", this::openCasesByStage);
		this.writeOffs = figures.source("write-offs", this::writeOffTotals);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (CollectionStages.Stage stage : stages.stages()) {
			Gauge.builder("creditdesk.collection.cases.open", openCases, source -> source.value(stage.code()))
				.description("Open overdue-collection cases by the stage they reached")
				.tag("stage", stage.code())
				.register(registry);
		}
		FunctionCounter.builder("creditdesk.writeoffs", writeOffs, source -> source.value(COUNT))
			.description("Bad debts written off (approved write-offs)")
			.register(registry);
		FunctionCounter.builder("creditdesk.writeoffs.amount", writeOffs, source -> source.value(AMOUNT))
			.description("Amount written off as bad debt")
			.baseUnit("cny")
			.register(registry);
	}

	private Map<String, Long> openCasesByStage() {
		Map<String, Long> counts = new HashMap<>();
		jdbc.query("select stage, count(*) cases from collection_case where status = 'OPEN' group by stage",
				rs -> {
					counts.put(rs.getString("stage"), rs.getLong("cases"));
				});
		return counts;
	}

	private Map<String, Number> writeOffTotals() {
		return jdbc.queryForObject("select count(*), coalesce(sum(total_amount), 0) from write_off",
				(rs, i) -> Map.<String, Number>of(COUNT, rs.getLong(1), AMOUNT, rs.getBigDecimal(2)));
	}

}
