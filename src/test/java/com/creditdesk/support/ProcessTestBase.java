package com.creditdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;

/**
 * Drives the credit processes through the Java API the way Tasklist does: as an authenticated user (so the
 * engine's authorizations and the four-eyes listeners apply), claiming before completing. Time moves only with
 * {@link ClockUtil}; jobs run only when a test executes them.
 */
@OnH2
public abstract class ProcessTestBase extends IntegrationTestBase {

	@AfterEach
	void resetClockAndAuthentication() {
		ClockUtil.reset();
		engine.getIdentityService().clearAuthentication();
	}

	protected void authenticate(String userId) {
		List<String> groups = engine.getIdentityService()
			.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		engine.getIdentityService().setAuthentication(userId, groups);
	}

	protected <T> T as(String userId, java.util.function.Supplier<T> action) {
		authenticate(userId);
		try {
			return action.get();
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}

	protected void as(String userId, Runnable action) {
		as(userId, () -> {
			action.run();
			return null;
		});
	}

	protected ProcessInstance startInvestigation(String rep, InvestigationFixture fixture) {
		return as(rep, () -> engine.getRuntimeService()
			.startProcessInstanceByKey("credit-investigation", fixture.variables()));
	}

	/** The one open task of the customer's credit case, in the investigation or in its approval. */
	protected Task openTask(ProcessInstance investigation) {
		// the business key of a customer's processes (an approval inherits its case's): the credit code
		String creditCode = String.valueOf(engine.getRuntimeService().getVariable(investigation.getId(), "creditCode"));
		List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(creditCode).list();
		assertThat(tasks).as("open tasks of customer " + creditCode).hasSize(1);
		return tasks.get(0);
	}

	/**
	 * Claims and completes the task as the user, like Tasklist's Claim and Complete buttons; then the follow-ups the
	 * completion recorded run, as the job executor would.
	 */
	protected void complete(String userId, Task task, Map<String, Object> variables) {
		as(userId, () -> {
			if (task.getAssignee() == null) {
				engine.getTaskService().claim(task.getId(), userId);
			}
			engine.getTaskService().complete(task.getId(), variables);
		});
		deliverFollowUps();
	}

	/**
	 * An investigation of a sound, large AA customer whose application asks for {@code amount}: within the policy
	 * (suggested limit CNY 3,200,000), so the amount alone routes it; above CNY 500,000 the bank is asked first.
	 */
	protected ProcessInstance applicationFor(String rep, long amount) {
		ProcessInstance investigation = startInvestigation(rep, InvestigationFixture.soundCustomer()
			.scaledBy(20)
			.ratings(4)
			.with("expectedMonthlyPurchases", 2_000_000)
			.with("requestedLimit", amount));
		Task first = openTask(investigation);
		if (first.getTaskDefinitionKey().equals("UserTask_InquireWithBank")) {
			complete(rep, first, Map.of("bankName", "Bank of Hangzhou", "bankFacilityAmount", 5_000_000,
					"bankRepaymentRecord", "GOOD", "bankComment", "Customer since 2015, always repaid on time."));
		}
		prepareApplication(investigation, rep, amount);
		return investigation;
	}

	protected void prepareApplication(ProcessInstance investigation, String rep, long proposedLimit) {
		Task task = openTask(investigation);
		assertThat(task.getTaskDefinitionKey()).isEqualTo("UserTask_PrepareCreditApplication");
		complete(rep, task, Map.of("proposedLimit", proposedLimit, "proposedTermMonths", 12, "proposalReason",
				"Long-standing distributor with sound statements."));
	}

	protected void approve(ProcessInstance investigation, String approver) {
		decide(investigation, approver, Map.of("approvalDecision", "APPROVE", "approvalComment", "Agreed."));
	}

	protected void decide(ProcessInstance investigation, String approver, Map<String, Object> decision) {
		Task task = openTask(investigation);
		assertThat(task.getTaskDefinitionKey()).isEqualTo("UserTask_ApproveCreditGrant");
		complete(approver, task, decision);
	}

	/** The customer of a credit case (its {@code customerId} variable; the business key is the credit code). */
	protected long customerId(ProcessInstance investigation) {
		return ((Number) historicVariable(investigation, "customerId")).longValue();
	}

	protected Object historicVariable(ProcessInstance instance, String name) {
		var variable = engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName(name)
			.singleResult();
		return variable == null ? null : variable.getValue();
	}

}
