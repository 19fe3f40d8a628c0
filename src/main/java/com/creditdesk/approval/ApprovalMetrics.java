package com.creditdesk.approval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import com.creditdesk.identity.ApprovalTiers;
import com.creditdesk.system.MetricFigures;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code creditdesk_approvals_open{level, age}}: credit-grant approvals waiting, by the group they wait in (each tier
 * and the credit administrators an approval escalates to) and how long they have waited.
 */
@Component
class ApprovalMetrics implements MeterBinder {

	/** Age buckets, upper bounds exclusive; the last is open-ended. */
	static final List<AgeBucket> AGES = List.of(new AgeBucket("0-1d", Duration.ofDays(1)),
			new AgeBucket("1-3d", Duration.ofDays(3)), new AgeBucket("3-7d", Duration.ofDays(7)),
			new AgeBucket("over7d", null));

	record AgeBucket(String label, Duration below) {
	}

	private final TaskService tasks;

	private final List<String> levels;

	private final MetricFigures.Source<String> open;

	ApprovalMetrics(TaskService tasks, ApprovalTiers tiers, MetricFigures figures) {
		this.tasks = tasks;
		this.levels = new ArrayList<>(tiers.groups());
		if (!levels.contains(tiers.topEscalationGroup())) {
			levels.add(tiers.topEscalationGroup());
		}
		this.open = figures.source("approvals", this::countOpen);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String level : levels) {
			for (AgeBucket age : AGES) {
				Gauge.builder("creditdesk.approvals.open", open, source -> source.value(key(level, age.label())))
					.description("Credit-grant approvals waiting, by approver group and time waited")
					.tag("level", level)
					.tag("age", age.label())
					.register(registry);
			}
		}
	}

	private Map<String, Long> countOpen() {
		long now = ClockUtil.getCurrentTime().getTime();
		Map<String, Long> counts = new HashMap<>();
		for (String level : levels) {
			List<Task> waiting = tasks.createTaskQuery()
				.processDefinitionKey(CreditGrantApprovalProcess.KEY)
				.taskCandidateGroup(level)
				.includeAssignedTasks()
				.list();
			for (Task task : waiting) {
				counts.merge(key(level, ageOf(Duration.ofMillis(now - task.getCreateTime().getTime()))), 1L, Long::sum);
			}
		}
		return counts;
	}

	static String ageOf(Duration waited) {
		return AGES.stream()
			.filter(age -> age.below() == null || waited.compareTo(age.below()) < 0)
			.findFirst()
			.orElseThrow()
			.label();
	}

	private static String key(String level, String age) {
		return level + '|' + age;
	}

}
