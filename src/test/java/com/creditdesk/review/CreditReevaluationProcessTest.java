package com.creditdesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import com.creditdesk.system.StepRefusedException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.creditdesk.approval.ApprovalOutcome;
import com.creditdesk.approval.CreditDecision;
import com.creditdesk.approval.CreditDecisionService;
import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerRepository;
import com.creditdesk.customer.CustomerStatus;
import com.creditdesk.investigation.CreditFileKind;
import com.creditdesk.investigation.CreditInvestigationService;
import com.creditdesk.receivable.LedgerLines.InvoiceLine;
import com.creditdesk.receivable.LedgerService;
import com.creditdesk.support.InvestigationFixture;
import com.creditdesk.support.ProcessTestBase;
import com.creditdesk.system.BusinessClock;

/** The paths through {@code credit-reevaluation} and its triggers. */
class CreditReevaluationProcessTest extends ProcessTestBase {

	@Autowired
	private LedgerService ledger;

	@Autowired
	ReevaluationService reviews;

	@Autowired
	CustomerRepository customers;

	@Autowired
	CreditDecisionService decisions;

	@Autowired
	CreditInvestigationService investigations;

	/** An active grade-A customer of ana's with a limit of CNY 90,000 (score 71, next review in 6 months). */
	private Customer activeCustomer(InvestigationFixture fixture) {
		ProcessInstance investigation = startInvestigation("ana", fixture);
		prepareApplication(investigation, "ana", 90_000);
		approve(investigation, "clara");
		return customers.findById(customerId(investigation)).orElseThrow();
	}

	private ProcessInstance openReview(Customer customer) {
		return engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(CreditReevaluationProcess.KEY)
			.processInstanceBusinessKey(customer.getCreditCode())
			.active()
			.singleResult();
	}

	private Task task(ProcessInstance review) {
		List<Task> tasks = engine.getTaskService().createTaskQuery()
			.processInstanceBusinessKey(review.getBusinessKey()).list();
		assertThat(tasks).hasSize(1);
		return tasks.get(0);
	}

	private void propose(ProcessInstance review, long limit) {
		Task task = task(review);
		assertThat(task.getTaskDefinitionKey()).isEqualTo(CreditReevaluationProcess.PROPOSE_LIMIT);
		complete("ana", task, Map.of("proposedLimit", limit, "proposedTermMonths", 12, "proposalReason",
				"Adjusted to this year's trading."));
	}

	/** The run's second step, its own job after the classification (as the job executor would run it). */
	private void startDueReviewsJobs() {
		var management = engine.getManagementService();
		management.createJobQuery().processDefinitionKey("daily-credit-reviews").messages().list()
			.forEach(job -> management.executeJob(job.getId()));
	}

	@Test
	void dailyTimerOfTheClusterStartsTheDueReviewsOnce() {
		Customer customer = activeCustomer(InvestigationFixture.soundCustomer());
		ClockUtil.offset(Duration.ofDays(200).toMillis());
		var management = engine.getManagementService();
		var daily = management.createJobQuery().processDefinitionKey("daily-credit-reviews").timers().singleResult();
		assertThat(daily).as("one timer job per cluster").isNotNull();

		management.executeJob(daily.getId());
		startDueReviewsJobs();
		management.executeJob(management.createJobQuery().processDefinitionKey("daily-credit-reviews").timers()
			.singleResult().getId());
		startDueReviewsJobs();

		assertThat(openReview(customer)).isNotNull();
		assertThat(reviews.triggersOf(customer.getId())).as("the second run finds the review open: no new trigger")
			.hasSize(1);
	}

	@Test
	void dailyJobStartsOneReviewAndALowerRevenueLowersGradeAndLimitAfterApproval() {
		Customer customer = activeCustomer(InvestigationFixture.soundCustomer());
		assertThat(customer.getCreditGrade()).isEqualTo("A");
		ClockUtil.offset(Duration.ofDays(200).toMillis()); // past the six-month review date of grade A
		LocalDate today = BusinessClock.today();

		assertThat(reviews.startDueReviews(today)).isGreaterThanOrEqualTo(1);
		assertThat(reviews.startDueReviews(today)).as("a second run starts nothing new").isZero();
		ProcessInstance review = openReview(customer);
		assertThat(review).isWaitingAt(CreditReevaluationProcess.UPDATE_STATEMENTS);
		assertThat(reviews.triggersOf(customer.getId())).extracting(ReviewTrigger::getKind)
			.containsExactly(TriggerKind.PERIODIC);

		Task update = task(review);
		assertThat(update.getAssignee()).isEqualTo("ana");
		Map<String, Object> prefilled = engine.getTaskService().getVariables(update.getId());
		assertThat(prefilled).containsEntry("salesRevenue", 18_000_000.0)
			.containsEntry("quickAssets", 1_200_000.0)
			.containsEntry("ratingManagement", "3") // as the 1–5 choice submits it
			.containsEntry("previousCreditGrade", "A")
			.containsEntry("previousCreditLimitText", "CNY 90,000.00");

		complete("ana", update, Map.of("salesRevenue", 9_000_000));

		Map<String, Object> compared = engine.getRuntimeService().getVariables(review.getId());
		assertThat(compared).containsEntry("previousCreditGrade", "A")
			.containsEntry("creditGrade", "B")
			.containsEntry("previousCreditScore", 71)
			.containsEntry("creditScore", 68)
			.containsEntry("previousAssetTurnoverAssessment", "4.00 times — meets the benchmark (about 4 to 5 times)");
		@SuppressWarnings("unchecked")
		Map<String, Object> shown = (Map<String, Object>) compared.get("creditFileView");
		assertThat(shown).containsEntry("assetTurnoverAssessment", "2.00 times — misses the benchmark (about 4 to 5 times)")
			.containsEntry("suggestedLimitText", "CNY 200,000.00");
		assertThat(review).isWaitingAt(CreditReevaluationProcess.PROPOSE_LIMIT);

		// what the customer owes shows in the approver's summary band: one invoice overdue, one not yet due
		ledger.postInvoice(new InvoiceLine(customer.getId(), null, "RV-1", null, today.minusDays(60), today.minusDays(30),
				new java.math.BigDecimal("12000"), "CNY"));
		ledger.postInvoice(new InvoiceLine(customer.getId(), null, "RV-2", null, today.minusDays(5), today.plusDays(25),
				new java.math.BigDecimal("8000.50"), "CNY"));
		propose(review, 60_000);
		Task approval = task(review);
		assertThat(approval.getTaskDefinitionKey()).isEqualTo("UserTask_ApproveCreditGrant");
		assertThat((Map<String, Object>) engine.getTaskService().getVariable(approval.getId(), "approvalView"))
			.containsEntry("openReceivablesText", "CNY 20,000.50 / 逾期 overdue CNY 12,000.00")
			.containsEntry("currentLimitText", "CNY 90,000.00 (A)")
			.containsEntry("proposedLimitText", "CNY 60,000.00");
		complete("clara", approval, Map.of("approvalDecision", "APPROVE", "approvalComment", "Lower is prudent."));

		assertThat(review).isEnded().hasPassed(CreditReevaluationProcess.GRANT_LIMIT);
		Customer after = customers.findById(customer.getId()).orElseThrow();
		assertThat(after.getCreditLimit()).isEqualByComparingTo("60000");
		assertThat(after.getCreditGrade()).isEqualTo("B");
		assertThat(after.getNextReviewDate()).isEqualTo(today.plusMonths(3));
		assertThat(after.getOpenCaseProcessId()).isNull();
		assertThat(decisions.decisionsOf(customer.getId())).hasSize(2)
			.first()
			.satisfies(d -> assertThat(d.getApprovedAmount()).isEqualByComparingTo("60000"));
		assertThat(investigations.filesOf(customer.getId())).extracting(f -> f.getKind())
			.containsExactly(CreditFileKind.REEVALUATION, CreditFileKind.INVESTIGATION);
	}

	@Test
	void periodicReviewsFollowTheGradesInterval() {
		Customer gradeA = activeCustomer(InvestigationFixture.soundCustomer());
		Customer gradeAA = activeCustomer(InvestigationFixture.soundCustomer().ratings(4));
		assertThat(gradeAA.getCreditGrade()).isEqualTo("AA");
		assertThat(gradeAA.getNextReviewDate()).isEqualTo(BusinessClock.today().plusMonths(12));

		ClockUtil.offset(Duration.ofDays(100).toMillis());
		reviews.startDueReviews(BusinessClock.today());
		assertThat(openReview(gradeA)).as("grade A is reviewed every 6 months").isNull();

		ClockUtil.offset(Duration.ofDays(200).toMillis());
		reviews.startDueReviews(BusinessClock.today());
		assertThat(openReview(gradeA)).isNotNull();
		assertThat(openReview(gradeAA)).as("grade AA is reviewed every 12 months").isNull();

		ClockUtil.offset(Duration.ofDays(370).toMillis());
		reviews.startDueReviews(BusinessClock.today());
		assertThat(openReview(gradeAA)).isNotNull();
		assertThat(reviews.triggersOf(gradeAA.getId())).extracting(ReviewTrigger::getKind)
			.containsExactly(TriggerKind.LIMIT_EXPIRED);
	}

	@Test
	void aSecondTriggerWhileAReviewIsOpenJoinsItInsteadOfStartingAnother() {
		Customer customer = activeCustomer(InvestigationFixture.soundCustomer());

		var first = reviews.trigger(customer.getId(), TriggerKind.OVERDUE_PAYMENTS, "Invoice 4711 is 35 days overdue.",
				null);
		var second = reviews.trigger(customer.getId(), TriggerKind.BROKEN_PROMISE, "Promise of 1 March not kept.",
				null);

		assertThat(first.outcome()).isEqualTo(ReviewTrigger.Outcome.STARTED);
		assertThat(second.outcome()).isEqualTo(ReviewTrigger.Outcome.JOINED);
		assertThat(second.processInstanceId()).isEqualTo(first.processInstanceId());
		assertThat(engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKey(CreditReevaluationProcess.KEY)
			.processInstanceBusinessKey(customer.getCreditCode())
			.count()).isEqualTo(1);
		assertThat(reviews.triggersOf(customer.getId())).extracting(ReviewTrigger::getKind, ReviewTrigger::getOutcome)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(TriggerKind.OVERDUE_PAYMENTS, ReviewTrigger.Outcome.STARTED),
					org.assertj.core.groups.Tuple.tuple(TriggerKind.BROKEN_PROMISE, ReviewTrigger.Outcome.JOINED));
	}

	@Test
	void aRepAsksFromTasklistForOwnCustomerButNotForAnotherRepsCustomer() {
		InvestigationFixture fixture = InvestigationFixture.soundCustomer();
		Customer customer = activeCustomer(fixture);

		assertThatThrownBy(() -> as("ben", () -> engine.getRuntimeService().startProcessInstanceByKey(
				CreditReevaluationProcess.KEY, Map.of("creditCode", fixture.creditCode(), "requestedChange", "RAISE",
						"reviewReason", "Orders are growing fast."))))
			.isInstanceOf(StepRefusedException.class)
			.hasMessageContaining("looked after by ana");

		ProcessInstance review = as("ana", () -> engine.getRuntimeService().startProcessInstanceByKey(
				CreditReevaluationProcess.KEY, Map.of("creditCode", fixture.creditCode(), "requestedChange", "RAISE",
						"reviewReason", "Orders are growing fast.")));
		assertThat(review).isWaitingAt(CreditReevaluationProcess.UPDATE_STATEMENTS);
		assertThat(reviews.triggersOf(customer.getId()).get(0).getReason())
			.isEqualTo("RAISE requested: Orders are growing fast.");
		assertThat(reviews.triggersOf(customer.getId()).get(0).getRequestedBy()).isEqualTo("ana");
	}

	@Test
	void raisingTheLimitNeedsTheApprovalChain() {
		Customer customer = activeCustomer(InvestigationFixture.soundCustomer());
		reviews.trigger(customer.getId(), TriggerKind.ON_REQUEST, "Customer opened a second warehouse.", "ana");
		ProcessInstance review = openReview(customer);
		complete("ana", task(review), Map.of());
		propose(review, 250_000);

		complete("clara", task(review), Map.of("approvalDecision", "APPROVE", "approvalComment", "Fine."));
		complete("dora", task(review), Map.of("approvalDecision", "APPROVE", "approvalComment", "Fine."));

		assertThat(review).isEnded();
		assertThat(customers.findById(customer.getId()).orElseThrow().getCreditLimit()).isEqualByComparingTo("250000");
	}

	@Test
	void rejectedChangeKeepsTheCurrentLimit() {
		Customer customer = activeCustomer(InvestigationFixture.soundCustomer());
		reviews.trigger(customer.getId(), TriggerKind.HIGH_UTILISATION, "Limit 95 % used.", null);
		ProcessInstance review = openReview(customer);
		complete("ana", task(review), Map.of());
		propose(review, 95_000);
		complete("clara", task(review), Map.of("approvalDecision", "REJECT", "approvalComment", "Not now."));

		assertThat(review).isEnded().hasPassed(CreditReevaluationProcess.KEEP_LIMIT);
		Customer after = customers.findById(customer.getId()).orElseThrow();
		assertThat(after.getCreditLimit()).isEqualByComparingTo("90000");
		assertThat(after.getStatus()).isEqualTo(CustomerStatus.ACTIVE);
	}

	@Test
	void keepingTheLimitIsConfirmedByACustomerManagerNotTheRep() {
		Customer customer = activeCustomer(InvestigationFixture.soundCustomer());
		reviews.trigger(customer.getId(), TriggerKind.PERIODIC, "Periodic review.", null);
		ProcessInstance review = openReview(customer);
		complete("ana", task(review), Map.of());
		propose(review, 90_000);

		Task confirm = task(review);
		assertThat(confirm.getTaskDefinitionKey()).isEqualTo(CreditReevaluationProcess.CONFIRM_LIMIT);
		assertThat(engine.getTaskService().getIdentityLinksForTask(confirm.getId())).extracting(IdentityLink::getGroupId)
			.contains("customerManagers");
		assertThat(as("ana", () -> engine.getTaskService().createTaskQuery().taskId(confirm.getId()).count()))
			.as("the rep does not see the confirmation").isZero();

		complete("clara", confirm, Map.of("confirmationDecision", "SEND_BACK", "managerComment",
				"Check the new bank statements first."));
		assertThat(task(review).getTaskDefinitionKey()).isEqualTo(CreditReevaluationProcess.PROPOSE_LIMIT);
		propose(review, 90_000);
		complete("clara", task(review), Map.of("confirmationDecision", "CONFIRM", "managerComment", "Agreed."));

		assertThat(review).isEnded().hasPassed(CreditReevaluationProcess.RECORD_CONFIRMATION,
				CreditReevaluationProcess.GRANT_LIMIT);
		CreditDecision decision = decisions.decisionsOf(customer.getId()).get(0);
		assertThat(decision.getOutcome()).isEqualTo(ApprovalOutcome.APPROVED);
		assertThat(decision.getApprovalChain()).contains("confirmation");
		assertThat(decision.getSteps()).extracting(s -> s.getApprover()).containsExactly("clara");
		assertThat(customers.findById(customer.getId()).orElseThrow().getCreditLimit()).isEqualByComparingTo("90000");
		// a send-back is recorded in no table of ours: history keeps the answer, though the step removed it at once
		assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
			.processInstanceId(review.getId()).variableName("confirmationDecision").includeDeleted().list())
			.extracting(v -> v.getValue()).containsExactlyInAnyOrder("SEND_BACK", "CONFIRM");
	}

	@Test
	void aManagerWhoIsTheRepCannotConfirmTheirOwnProposal() {
		InvestigationFixture fixture = InvestigationFixture.soundCustomer();
		ProcessInstance investigation = startInvestigation("carl", fixture);
		prepareApplication(investigation, "carl", 90_000);
		approve(investigation, "clara");
		long customerId = customerId(investigation);
		reviews.trigger(customerId, TriggerKind.PERIODIC, "Periodic review.", null);
		ProcessInstance review = openReview(customers.findById(customerId).orElseThrow());
		complete("carl", task(review), Map.of());
		complete("carl", task(review), Map.of("proposedLimit", 90_000, "proposedTermMonths", 12, "proposalReason",
				"Nothing changed this year."));

		Task confirm = task(review);
		assertThatThrownBy(() -> complete("carl", confirm, Map.of("confirmationDecision", "CONFIRM")))
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("Four eyes");
	}

	@Test
	void aDowngradeToCMakesTheCustomerCashOnlyAtOnce() {
		Customer customer = activeCustomer(InvestigationFixture.soundCustomer());
		reviews.trigger(customer.getId(), TriggerKind.OVERDUE_PAYMENTS, "Invoices 60 days overdue.", null);
		ProcessInstance review = openReview(customer);
		Map<String, Object> poorRatings = new java.util.HashMap<>();
		for (String key : InvestigationFixture.RATING_KEYS) {
			poorRatings.put(key, 1);
		}
		complete("ana", task(review), poorRatings);

		assertThat(review).hasPassed(CreditReevaluationProcess.MAKE_CASH_ONLY)
			.hasNotPassed(CreditReevaluationProcess.PROPOSE_LIMIT);
		Customer after = customers.findById(customer.getId()).orElseThrow();
		assertThat(after.getStatus()).isEqualTo(CustomerStatus.CREDIT_HOLD);
		assertThat(after.getCreditLimit()).isEqualByComparingTo("0");
		assertThat(after.getCreditGrade()).isEqualTo("C");
	}

	@Test
	void aReviewLeftUntouchedPastItsDueDateEscalatesToTheCustomerManagers() {
		Customer customer = activeCustomer(InvestigationFixture.soundCustomer());
		reviews.trigger(customer.getId(), TriggerKind.PERIODIC, "Periodic review.", null);
		ProcessInstance review = openReview(customer);
		Job timer = engine.getManagementService().createJobQuery().processInstanceId(review.getId()).timers()
			.singleResult();
		assertThat(timer.getDuedate()).isCloseTo(task(review).getDueDate(), 1000);

		ClockUtil.offset(Duration.ofDays(6).toMillis());
		engine.getManagementService().executeJob(timer.getId());

		Task update = task(review);
		assertThat(engine.getTaskService().getIdentityLinksForTask(update.getId())).extracting(IdentityLink::getGroupId)
			.contains("customerManagers");
		assertThat(update.getAssignee()).isEqualTo("ana");
		assertThat(update.getPriority()).isEqualTo(80);
	}

}
