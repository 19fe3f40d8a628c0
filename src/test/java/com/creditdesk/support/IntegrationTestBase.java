package com.creditdesk.support;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Full CreditDesk on a real HTTP port with the demo users, job executor off. Subclasses choose the database
 * through {@link OnH2} or {@link OnPostgres}; every test class of one database shares one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EmbeddedPostgresConfiguration.class)
public abstract class IntegrationTestBase {

	@Autowired
	protected ProcessEngine engine;

	@Autowired
	protected TestRestTemplate http;

	@LocalServerPort
	protected int port;

	@BeforeEach
	void bindEngineToAssertions() {
		BpmnAwareTests.init(engine);
	}

	/** The same client, authenticating as a demo user (password {@code demo}; {@code admin}'s is {@code admin}). */
	protected TestRestTemplate as(String userId) {
		return http.withBasicAuth(userId, "admin".equals(userId) ? "admin" : "demo");
	}

	/**
	 * Runs the follow-ups that committed changes recorded (messages to collection cases, re-evaluations), as the
	 * job executor would, and those they record in turn; answers what ran as "type subject", e.g.
	 * {@code "HighCreditUtilisation customer 7"} (earlier tests' follow-ups may be among them).
	 */
	protected List<String> deliverFollowUps() {
		List<String> delivered = new ArrayList<>();
		for (int round = 0; round < 10; round++) {
			var jobs = engine.getManagementService()
				.createJobQuery()
				.processDefinitionKey("follow-up")
				.executable()
				.list();
			if (jobs.isEmpty()) {
				return delivered;
			}
			for (var job : jobs) {
				var instance = engine.getRuntimeService()
					.createProcessInstanceQuery()
					.processInstanceId(job.getProcessInstanceId())
					.singleResult();
				Object type = engine.getRuntimeService().getVariable(job.getProcessInstanceId(), "followUpType");
				engine.getManagementService().executeJob(job.getId());
				delivered.add(type + " " + instance.getBusinessKey());
			}
		}
		throw new IllegalStateException("Follow-ups keep recording follow-ups");
	}

}
