package com.creditdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.http.HttpStatus;

import com.creditdesk.support.IntegrationTestBase;
import com.creditdesk.support.OnH2;

/** Readiness reflects the database and the job executor; liveness does not, so an outage takes a node out of rotation. */
@OnH2
class H2HealthIntegrationTests extends IntegrationTestBase {

	@Autowired
	HealthEndpoint health;

	@Autowired
	HealthEndpointGroups groups;

	@Test
	void readinessCountsTheDatabaseAndTheJobExecutorLivenessDoesNot() {
		// membership as configured (these tests run without a job executor, so its indicator is absent here)
		HealthEndpointGroup ready = groups.get("readiness");
		assertThat(List.of("readinessState", "db", "jobExecutor", "demoPortfolio")).allMatch(ready::isMember);
		HealthEndpointGroup alive = groups.get("liveness");
		assertThat(List.of("db", "jobExecutor", "demoPortfolio")).noneMatch(alive::isMember);
		// and as evaluated: the database counts for readiness
		HealthComponent readiness = health.healthForPath("readiness");
		assertThat(readiness).isInstanceOf(CompositeHealth.class);
		assertThat(((CompositeHealth) readiness).getComponents()).containsKeys("readinessState", "db");
		HealthComponent liveness = health.healthForPath("liveness");
		assertThat(liveness).isInstanceOf(CompositeHealth.class);
		assertThat(((CompositeHealth) liveness).getComponents()).containsOnlyKeys("livenessState");
		assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

}
