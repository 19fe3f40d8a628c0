package com.creditdesk.system;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The engine's work as operations watch it: {@code camunda_jobs{state}} (due and waiting for the job executor,
 * acquired by a node's job executor now, failed with no retries left) and {@code camunda_incidents_open{type}}
 * (failed jobs, failed external tasks, any other). Read from the database, so every node reports the cluster's
 * figures. The job executor's thread pool is reported by Spring Boot's executor metrics
 * ({@code executor_*{name="camundaTaskExecutor"}}).
 */
@Component
class EngineMetrics implements MeterBinder {

	static final List<String> JOB_STATES = List.of("due", "acquired", "failed");

	static final String OTHER = "other";

	static final List<String> INCIDENT_TYPES = List.of(Incident.FAILED_JOB_HANDLER_TYPE,
			Incident.EXTERNAL_TASK_HANDLER_TYPE, OTHER);

	private final ManagementService management;

	private final RuntimeService runtime;

	private final MetricFigures.Source<String> jobs;

	private final MetricFigures.Source<String> incidents;

	EngineMetrics(ManagementService management, RuntimeService runtime, MetricFigures figures) {
		this.management = management;
		this.runtime = runtime;
		this.jobs = figures.source("jobs", this::jobCounts);
		this.incidents = figures.source("incidents", this::incidentCounts);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String state : JOB_STATES) {
			Gauge.builder("camunda.jobs", jobs, source -> source.value(state))
				.description("Engine jobs: due and waiting, acquired by a job executor, failed without retries")
				.tag("state", state)
				.register(registry);
		}
		for (String type : INCIDENT_TYPES) {
			Gauge.builder("camunda.incidents.open", incidents, source -> source.value(type))
				.description("Open incidents by type")
				.tag("type", type)
				.register(registry);
		}
	}

	private Map<String, Long> jobCounts() {
		Map<String, Long> counts = new HashMap<>();
		long executable = management.createJobQuery().executable().active().count();
		long locked = management.createJobQuery().acquired().count();
		counts.put("due", Math.max(0, executable - locked));
		counts.put("acquired", locked);
		counts.put("failed", management.createJobQuery().noRetriesLeft().count());
		return counts;
	}

	private Map<String, Long> incidentCounts() {
		Map<String, Long> counts = new HashMap<>();
		long all = runtime.createIncidentQuery().count();
		long known = 0;
		for (String type : INCIDENT_TYPES) {
			if (!OTHER.equals(type)) {
				long count = runtime.createIncidentQuery().incidentType(type).count();
				counts.put(type, count);
				known += count;
			}
		}
		counts.put(OTHER, all - known);
		return counts;
	}

}
