package com.creditdesk.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerRepository;
import com.creditdesk.customer.CustomerStatus;
import com.creditdesk.support.ProcessTestBase;

/** One test per path through {@code credit-grant-approval}, reached from a new-customer investigation. */
class CreditGrantApprovalProcessTest extends ProcessTestBase {

	@Autowired
	CustomerRepository customers;

	@Autowired
	CreditDecisionService decisions;

	@Autowired
	JdbcTemplate jdbc;

	private ProcessInstance approval(ProcessInstance investigation) {
		return engine.getRuntimeService()
			.createProcessInstanceQuery()
			.superProcessInstanceId(investigation.getId())
			.singleResult();
	}

	private List<String> candidateGroups(Task task) {
		return engine.getTaskService()
			.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.toList();
	}

	private CreditDecision decisionOf(ProcessInstance investigation) {
		return decisions.decisionsOf(customerId(investigation)).get(0);
	}

	@Test
	void approvalDecidesWhatTheCreditFileSaysNotWhatTheCallerHolds() {
		ProcessInstance investigation = applicationFor("ana", 100_000);
		ProcessInstance approval = approval(investigation);
		var runtime = engine.getRuntimeService();
		// the call's inputs come from the submitted credit file (the amount, who submitted it, the exception): the
		// authority decision evaluated them and the decision record keeps them; the approval does not store them again
		CreditDecision opened = decisionOf(investigation);
		assertThat(opened.getRequestedAmount()).isEqualByComparingTo("100000.00");
		assertThat(opened.getRequestedBy()).isEqualTo("ana");
		assertThat(opened.getExceptionCodes()).isNull();
		assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery()
			.processInstanceId(approval.getId())
			.decisionDefinitionKey("approval-authority")
			.includeInputs()
			.singleResult()
			.getInputs()).extracting(input -> String.valueOf(input.getValue())).contains("100000.0", "false");
		assertThat(runtime.getVariables(approval.getId())).doesNotContainKeys("proposedLimit", "requester",
				"policyException", "customerId", "keyAccount", "approvalChain");
		assertThat(runtime.getVariable(approval.getId(), "amountUnderReview")).isEqualTo("100000.00");
		// the approver's task holds what its form shows of the level; the level itself is on the decision record
		assertThat(engine.getTaskService().getVariablesLocal(openTask(investigation).getId()))
			.containsEntry("approvalLevelName", "客户经理 Customer manager")
			.containsEntry("authorityLimitText", "CNY 100,000.00")
			.containsKey("approvalNote")
			.containsEntry("amountText", "CNY 100,000.00")
			.doesNotContainKeys("approvalLevel", "authorityLimit");
		// whether the chain has ended is read from the decision record; the amount's text is the task's amountText, and
		// the cash-or-collateral part is in the view, shown only when there is one
		assertThat(runtime.getVariables(approval.getId())).doesNotContainKeys("approvalChainEnded",
				"amountUnderReviewText", "cashOrCollateralAmount");
		assertThat(((Map<?, ?>) runtime.getVariable(approval.getId(), "approvalView")).get("cashOrCollateralText"))
			.isNull();
		// the calling case holds only the request: its credit file and the validity asked for
		assertThat(runtime.getVariables(investigation.getId())).doesNotContainKeys("requestedAmount")
			.containsKeys("creditFileId", "limitValidUntil");

		// a caller that passes its own values (as older process versions did, by name) changes nothing: the approval
		// reads the customer, the amount and the exception from the file the caller named
		ProcessInstance tampered = runtime.startProcessInstanceByKey(CreditGrantApprovalProcess.KEY,
				Map.of("creditFileId", runtime.getVariable(approval.getId(), "creditFileId"), "customerId", -1L,
						"proposedLimit", 1, "requestedAmount", 1, "policyException", true, "requester", "mallory",
						"limitValidUntil", "2027-12-31"));
		assertThat(runtime.getVariable(tampered.getId(), "proposedLimit")).isEqualTo("100000.00");
		assertThat(runtime.getVariable(tampered.getId(), "customerId")).isEqualTo(customerId(investigation));
		assertThat(runtime.getVariable(tampered.getId(), "policyException")).isEqualTo(false);
		assertThat(runtime.getVariable(tampered.getId(), "requester")).isEqualTo("ana");
		runtime.deleteProcessInstance(tampered.getId(), "test");

		approve(investigation, "clara");

		// the result is read back from the decision record, typed
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(investigation.getId()).count()).isZero();
		var history = engine.getHistoryService().createHistoricVariableInstanceQuery()
			.processInstanceId(investigation.getId());
		assertThat(history.variableName("approvedAmount").singleResult().getValue()).isEqualTo("100000.00");
		assertThat(history.variableName("approvalOutcome").singleResult().getValue()).isEqualTo("APPROVED");
	}

	@Test
	void anApprovalOpenedByAnEarlierVersionKeepsItsChainEndedVariableAndAmountTextCurrent() {
		ProcessInstance investigation = applicationFor("ana", 300_000);
		ProcessInstance approval = approval(investigation);
		var runtime = engine.getRuntimeService();
		long decisionId = decisionOf(investigation).getId();
		assertThat(decisions.chainEnded(decisionId)).isFalse();
		// what an earlier version's instance holds (its completion condition was ${approvalChainEnded}); the values
		// are stale on purpose: the step must write them, not merely leave them
		runtime.setVariable(approval.getId(), "approvalChainEnded", true);
		runtime.setVariable(approval.getId(), "amountUnderReviewText", "stale");

		approve(investigation, "clara");

		assertThat(decisions.chainEnded(decisionId)).as("level 1 cannot decide 300,000").isFalse();
		assertThat(runtime.getVariable(approval.getId(), "approvalChainEnded")).isEqualTo(false);
		assertThat(runtime.getVariable(approval.getId(), "amountUnderReviewText")).isEqualTo("CNY 300,000.00");
		approve(investigation, "dora");
		assertThat(decisions.chainEnded(decisionId)).isTrue();
		assertThat(investigation).isEnded();
	}

	@Test
	void customerManagerAloneGrantsUpToTheFirstTier() {
		ProcessInstance investigation = applicationFor("ana", 100_000);
		Task task = openTask(investigation);
		assertThat(candidateGroups(task)).containsExactly("customerManagers");
		assertThat(engine.getTaskService().getVariable(task.getId(), "approvalNote").toString())
			.isEqualTo("Within your authority of CNY 100,000.00: your approval decides the application.");
		assertThat(task.getName()).startsWith("授信审批 Approve credit grant: Fixture Trading Co.").contains("CNY 100,000.00",
				"grade AA");
		assertThat(task.getDueDate()).isNotNull();

		approve(investigation, "clara");

		CreditDecision decision = decisionOf(investigation);
		assertThat(decision.getOutcome()).isEqualTo(ApprovalOutcome.APPROVED);
		assertThat(decision.getApprovedAmount()).isEqualByComparingTo("100000");
		assertThat(decision.getApprovalChain()).isEqualTo("customerManagers");
		assertThat(decision.getSteps()).extracting(CreditDecisionStep::getApprover).containsExactly("clara");
		assertThat(customers.findById(customerId(investigation)).orElseThrow().getCreditLimit())
			.isEqualByComparingTo("100000");
	}

	@Test
	void approvesLevelByLevelUpToTheDirectSalesManager() {
		ProcessInstance investigation = applicationFor("ana", 300_000);
		assertThat(candidateGroups(openTask(investigation))).containsExactly("customerManagers");
		assertThat(engine.getTaskService().getVariable(openTask(investigation).getId(), "approvalNote").toString())
			.contains("CNY 300,000.00 is above your authority of CNY 100,000.00",
					"passes the application on to the 直销部经理 Direct-sales department manager");
		approve(investigation, "clara");
		Task second = openTask(investigation);
		assertThat(candidateGroups(second)).containsExactly("directSalesManagers");
		assertThat(engine.getTaskService().getVariable(second.getId(), "earlierApprovals").toString())
			.contains("Level 1, 客户经理 Customer manager, clara: approved CNY 300,000.00 — Agreed.");
		assertThat(engine.getTaskService().getVariable(openTask(investigation).getId(), "approvalNote").toString())
			.contains("Within your authority of CNY 500,000.00");
		assertThat(engine.getTaskService().getVariable(second.getId(), "approvalDecision")).isNull();

		approve(investigation, "dora");

		assertThat(approval(investigation)).isNull();
		assertThat(investigation).isEnded();
		CreditDecision decision = decisionOf(investigation);
		assertThat(decision.getOutcome()).isEqualTo(ApprovalOutcome.APPROVED);
		assertThat(decision.getApprovalChain()).isEqualTo("customerManagers > directSalesManagers");
		assertThat(decision.getAuthorityRule()).startsWith("approval-authority v")
			.contains("level 1 customerManagers up to CNY 100,000.00", "level 2 directSalesManagers up to CNY 500,000.00");
		assertThat(decision.getSteps()).extracting(CreditDecisionStep::getApprover, CreditDecisionStep::getApproverGroup,
				CreditDecisionStep::getDecision)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("clara", "customerManagers", StepDecision.APPROVE),
					org.assertj.core.groups.Tuple.tuple("dora", "directSalesManagers", StepDecision.APPROVE));
		assertThat(decision.getValidUntil()).isNotNull();
		Customer customer = customers.findById(customerId(investigation)).orElseThrow();
		assertThat(customer.getCreditLimit()).isEqualByComparingTo("300000");
		assertThat(customer.getStatus()).isEqualTo(CustomerStatus.ACTIVE);

		// history keeps which group each level was for, not the engine's counters of the chain's loop nor a copy of
		// who completed each task (the steps above record it), nor a copy of the chain (the levels are read from the
		// decision record)
		String approvalInstance = engine.getHistoryService().createHistoricProcessInstanceQuery()
			.superProcessInstanceId(investigation.getId()).singleResult().getId();
		assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(approvalInstance)
			.list().stream().map(org.camunda.bpm.engine.history.HistoricVariableInstance::getName))
			.contains("approverGroup")
			.doesNotContain("loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances",
					"decidedBy", "approverGroups");

		// nor a variable that lived within one command: the decisions' results the steps recorded and removed at
		// once, the approvers' form fields; the decision history has the results
		assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
			.processInstanceIdIn(investigation.getId(), approvalInstance).includeDeleted().list().stream()
			.map(org.camunda.bpm.engine.history.HistoricVariableInstance::getName))
			.contains("approverGroup", "creditGrade")
			.doesNotContain("approvalChain", "gradeResult", "suggestedLimitResult", "approvalDecision",
					"approvalComment");
		// nor the texts a task holds only to show them: the task card's copies, the level's name, authority and note
		// (the case keeps the customer and grade; the decision record the chain and each step)
		assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
			.processInstanceIdIn(investigation.getId(), approvalInstance).includeDeleted().list().stream()
			.filter(variable -> variable.getTaskId() != null)
			.map(org.camunda.bpm.engine.history.HistoricVariableInstance::getName)).as("task-local display texts")
			.doesNotContain("customerName", "creditGrade", "amountText", "approvalLevelName", "authorityLimitText",
					"approvalNote");
		assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(approvalInstance)
			.variableName("customerName").list()).hasSize(1);
		assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery()
			.processInstanceId(approvalInstance).decisionDefinitionKey("approval-authority").includeOutputs()
			.singleResult().getOutputs()).extracting(output -> output.getVariableName()).contains("approverGroup");
	}

	@Test
	void theLevelsAreTheRecordedChainAndADecisionWithoutOneFallsBackToTheGroupsItsProcessComputed() {
		ProcessInstance investigation = applicationFor("ana", 300_000);
		long decisionId = decisionOf(investigation).getId();
		VariableScope process = org.mockito.Mockito.mock(VariableScope.class);
		org.mockito.Mockito.when(process.getVariable("approverGroups")).thenReturn(List.of("regionalManagers"));
		assertThat(decisions.approverGroups(decisionId, process)).as("the record, not the variable")
			.containsExactly("customerManagers", "directSalesManagers");

		// a decision opened before chains were recorded (an instance migrated from an earlier process version)
		jdbc.update("delete from credit_decision_level where credit_decision_id = ?", decisionId);
		assertThat(decisions.approverGroups(decisionId, process)).containsExactly("regionalManagers");
		VariableScope none = org.mockito.Mockito.mock(VariableScope.class);
		assertThatThrownBy(() -> decisions.approverGroups(decisionId, none)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("no recorded approval chain");
	}

	@Test
	void regionalManagerDecidesAboveHalfAMillion() {
		ProcessInstance investigation = applicationFor("ana", 1_500_000);
		approve(investigation, "clara");
		approve(investigation, "dora");
		assertThat(candidateGroups(openTask(investigation))).containsExactly("regionalManagers");
		approve(investigation, "erik");

		assertThat(decisionOf(investigation).getOutcome()).isEqualTo(ApprovalOutcome.APPROVED);
		assertThat(decisionOf(investigation).getSteps()).hasSize(3);
	}

	@Test
	void nobodyGrantsAboveTheTopTierTheRestIsCashOrCollateral() {
		ProcessInstance investigation = applicationFor("ana", 3_000_000);
		assertThat(openTask(investigation).getName()).contains("CNY 2,000,000.00");
		// the approver's form shows the part no level may grant
		assertThat(((Map<?, ?>) engine.getRuntimeService().getVariable(approval(investigation).getId(), "approvalView"))
			.get("cashOrCollateralText")).isEqualTo("CNY 1,000,000.00");
		approve(investigation, "clara");
		approve(investigation, "dora");
		approve(investigation, "erik");

		CreditDecision decision = decisionOf(investigation);
		assertThat(decision.getOutcome()).as("every approver approved: capped by authority, not reduced")
			.isEqualTo(ApprovalOutcome.CAPPED);
		assertThat(decision.getApprovedAmount()).isEqualByComparingTo("2000000");
		assertThat(decision.getCashOrCollateralAmount()).isEqualByComparingTo("1000000");
		assertThat(customers.findById(customerId(investigation)).orElseThrow().getCreditLimit())
			.isEqualByComparingTo("2000000");
	}

	@Test
	void reducingToWithinTheCurrentAuthorityEndsTheChainThere() {
		ProcessInstance investigation = applicationFor("ana", 300_000);
		decide(investigation, "clara", Map.of("approvalDecision", "REDUCE", "approvedAmount", 80_000,
				"approvalComment", "Start smaller until we know them."));

		assertThat(investigation).isEnded();
		CreditDecision decision = decisionOf(investigation);
		assertThat(decision.getOutcome()).isEqualTo(ApprovalOutcome.REDUCED);
		assertThat(decision.getApprovedAmount()).isEqualByComparingTo("80000");
		assertThat(decision.getCashOrCollateralAmount()).isEqualByComparingTo("220000");
		assertThat(decision.getSteps()).hasSize(1);
		assertThat(customers.findById(customerId(investigation)).orElseThrow().getCreditLimit())
			.isEqualByComparingTo("80000");
	}

	@Test
	void reducingAboveTheCurrentAuthorityGoesOnToTheNextLevelWithTheLowerAmount() {
		ProcessInstance investigation = applicationFor("ana", 800_000);
		decide(investigation, "clara", Map.of("approvalDecision", "REDUCE", "approvedAmount", 400_000,
				"approvalComment", "Half is enough for the first year."));
		Task next = openTask(investigation);
		assertThat(candidateGroups(next)).containsExactly("directSalesManagers");
		assertThat(next.getName()).contains("CNY 400,000.00");
		approve(investigation, "dora");

		assertThat(investigation).isEnded();
		assertThat(decisionOf(investigation).getApprovedAmount()).isEqualByComparingTo("400000");
		assertThat(decisionOf(investigation).getSteps()).hasSize(2);
	}

	@Test
	void rejectionAtTheSecondLevelEndsTheChainAndRecordsTheReason() {
		ProcessInstance investigation = applicationFor("ana", 300_000);
		approve(investigation, "clara");
		decide(investigation, "dora", Map.of("approvalDecision", "REJECT", "approvalComment",
				"Bank reports late payments."));

		CreditDecision decision = decisionOf(investigation);
		assertThat(decision.getOutcome()).isEqualTo(ApprovalOutcome.REJECTED);
		assertThat(decision.getApprovedAmount()).isEqualByComparingTo("0");
		assertThat(decision.getSteps()).extracting(CreditDecisionStep::getComment)
			.containsExactly("Agreed.", "Bank reports late payments.");
		assertThat(customers.findById(customerId(investigation)).orElseThrow().getCashOnlyReason())
			.contains("Bank reports late payments.");
	}

	@Test
	void rejectingWithoutAReasonIsRefusedAndTheTaskStaysOpen() {
		ProcessInstance investigation = applicationFor("ana", 90_000);
		Task task = openTask(investigation);

		assertThatThrownBy(() -> complete("clara", task, Map.of("approvalDecision", "REJECT")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("reason for the rejection");

		assertThat(openTask(investigation).getId()).isEqualTo(task.getId());
		assertThat(decisionOf(investigation).getSteps()).isEmpty();
	}

	@Test
	void theRequesterCannotClaimOrCompleteTheApprovalOfTheirOwnRequest() {
		ProcessInstance investigation = applicationFor("carl", 90_000);
		Task task = openTask(investigation);

		assertThatThrownBy(() -> as("carl", () -> engine.getTaskService().claim(task.getId(), "carl")))
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("carl requested this credit grant");
		assertThatThrownBy(() -> as("carl", () -> engine.getTaskService()
			.complete(task.getId(), Map.of("approvalDecision", "APPROVE")))).isInstanceOf(AuthorizationException.class);

		assertThat(openTask(investigation).getAssignee()).isNull();
		approve(investigation, "clara");
		assertThat(decisionOf(investigation).getSteps()).extracting(CreditDecisionStep::getApprover)
			.containsExactly("clara");
	}

	@Test
	void nobodyApprovesTwiceInOneChainEvenWithTwoRoles() {
		User both = engine.getIdentityService().newUser("twohats" + System.nanoTime() % 100000);
		both.setPassword("demo");
		engine.getIdentityService().saveUser(both);
		engine.getIdentityService().createMembership(both.getId(), "customerManagers");
		engine.getIdentityService().createMembership(both.getId(), "directSalesManagers");

		ProcessInstance investigation = applicationFor("ana", 300_000);
		approve(investigation, both.getId());
		Task second = openTask(investigation);

		assertThatThrownBy(() -> as(both.getId(), () -> engine.getTaskService().claim(second.getId(), both.getId())))
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("already decided");
	}

	@Test
	void remindsTheGroupWhenTheDueDatePassesAndEscalatesAfterFiveDays() {
		ClockUtil.setCurrentTime(Date.from(java.time.LocalDateTime.of(2026, 3, 2, 9, 0)
			.atZone(java.time.ZoneId.systemDefault()).toInstant())); // a Monday
		ProcessInstance investigation = applicationFor("ana", 90_000);
		Task task = openTask(investigation);
		assertThat(task.getDueDate()).isEqualTo(Date.from(java.time.LocalDateTime.of(2026, 3, 4, 9, 0)
			.atZone(java.time.ZoneId.systemDefault()).toInstant()));
		List<Job> timers = engine.getManagementService().createJobQuery().processInstanceId(approval(investigation).getId())
			.timers().orderByJobDuedate().asc().list();
		assertThat(timers).hasSize(2);

		String overdue = engine.getFilterService().createFilterQuery().filterName("逾期待办 Overdue").singleResult().getId();
		assertThat(engine.getFilterService().<Task> list(overdue)).extracting(Task::getId).doesNotContain(task.getId());

		ClockUtil.offset(Duration.ofDays(3).toMillis());
		engine.getManagementService().executeJob(timers.get(0).getId());
		Task reminded = openTask(investigation);
		assertThat(reminded.getPriority()).isEqualTo(RemindApproversDelegate.OVERDUE_PRIORITY);
		assertThat(engine.getFilterService().<Task> list(overdue)).as("the managers' Overdue view")
			.extracting(Task::getId).contains(task.getId());
		assertThat(engine.getTaskService().getTaskComments(task.getId())).anySatisfy(
				comment -> assertThat(comment.getFullMessage()).contains("Reminder"));
		assertThat(candidateGroups(reminded)).containsExactly("customerManagers");

		ClockUtil.offset(Duration.ofDays(6).toMillis());
		engine.getManagementService().executeJob(timers.get(1).getId());
		Task escalated = openTask(investigation);
		assertThat(escalated.getId()).isEqualTo(task.getId());
		assertThat(candidateGroups(escalated)).containsExactly("directSalesManagers");

		approve(investigation, "dora");
		assertThat(investigation).isEnded();
		assertThat(decisionOf(investigation).getSteps()).extracting(CreditDecisionStep::getApprover)
			.containsExactly("dora");
	}

}
