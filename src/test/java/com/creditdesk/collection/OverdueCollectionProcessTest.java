package com.creditdesk.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CreditHold;
import com.creditdesk.customer.CustomerRepository;
import com.creditdesk.customer.CustomerStatus;
import com.creditdesk.customer.OwnershipType;
import com.creditdesk.identity.CurrentUser;
import com.creditdesk.receivable.CreditCheckOutcome;
import com.creditdesk.receivable.CreditCheckService;
import com.creditdesk.receivable.LedgerLines.CreditNoteLine;
import com.creditdesk.receivable.LedgerLines.InvoiceLine;
import com.creditdesk.receivable.LedgerLines.PaymentLine;
import com.creditdesk.receivable.LedgerService;
import com.creditdesk.review.CreditReevaluationProcess;
import com.creditdesk.support.InvestigationFixture;
import com.creditdesk.support.ProcessTestBase;
import com.creditdesk.support.TestCreditCodes;
import com.creditdesk.system.BusinessClock;

/**
 * The overdue collection case, stage by stage, with the clock moved (never slept) and the daily check's timer
 * executed by the test: detection, the once-only stage actions, promises kept and broken, payments, disputes, a
 * vanished debtor and the write-off with each person's liability.
 */
class OverdueCollectionProcessTest extends ProcessTestBase {

	private static final String KEY = OverdueCollectionProcess.KEY;

	@Autowired
	LedgerService ledger;

	@Autowired
	CollectionDetection detection;

	@Autowired
	CollectionService collections;

	@Autowired
	CollectionQueries queries;

	@Autowired
	DisputeService disputes;

	@Autowired
	CustomerRepository customers;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	CreditCheckService creditChecks;

	private final LocalDate start = LocalDate.now();

	private Customer customerWithLimit(long limit) {
		Customer customer = new Customer("Overdue Test Co. 逾期测试 " + System.nanoTime(), TestCreditCodes.next(),
				OwnershipType.PRIVATE, "ana");
		customer.grantLimit(BigDecimal.valueOf(limit), "A", start.minusYears(2), start.plusYears(1), start.plusMonths(6), null);
		return customers.save(customer);
	}

	private void invoice(long customerId, String number, long amount, int daysOverdue) {
		ledger.postInvoice(new InvoiceLine(customerId, null, number, null, start.minusDays(daysOverdue + 30L),
				start.minusDays(daysOverdue), BigDecimal.valueOf(amount), "CNY"));
	}

	private void pay(long customerId, String reference, long amount, String... invoices) {
		ledger.postPayment(new PaymentLine(customerId, null, reference, BusinessClock.today(), BigDecimal.valueOf(amount),
				List.of(invoices)));
		deliverFollowUps();
	}

	/** The business key of the customer's processes: its unified social credit code. */
	private String key(long customerId) {
		return customers.findById(customerId).orElseThrow().getCreditCode();
	}

	private ProcessInstance caseProcess(long customerId) {
		return engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(key(customerId))
			.singleResult();
	}

	private CollectionCase collectionCase(long customerId) {
		return queries.casesOf(customerId).get(0);
	}

	private List<Task> tasks(long customerId) {
		return engine.getTaskService()
			.createTaskQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(key(customerId))
			.orderByTaskName()
			.asc()
			.list();
	}

	private Task task(long customerId, String definitionKey) {
		return tasks(customerId).stream()
			.filter(task -> task.getTaskDefinitionKey().equals(definitionKey))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no open task " + definitionKey + " among " + taskKeys(customerId)));
	}

	private List<String> taskKeys(long customerId) {
		return tasks(customerId).stream().map(Task::getTaskDefinitionKey).sorted().toList();
	}

	private List<String> actions(long customerId) {
		return queries.actionsOf(collectionCase(customerId).getId()).stream().map(CollectionAction::getAction).toList();
	}

	private static void moveTo(LocalDate day) {
		ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant()));
	}

	/** Moves the clock to {@code day} and runs the case's daily check and its follow-ups, as the job executor would. */
	private void dailyCheckOn(long customerId, LocalDate day) {
		moveTo(day);
		Job timer = engine.getManagementService()
			.createJobQuery()
			.processInstanceId(caseProcess(customerId).getId())
			.timers()
			.singleResult();
		assertThat(timer).as("the case waits for its next daily check").isNotNull();
		engine.getManagementService().executeJob(timer.getId());
		deliverFollowUps();
	}

	private CreditCheckOutcome creditCheck(long customerId, String order) {
		return creditChecks.check(customerId, order, BigDecimal.valueOf(1_000), new CurrentUser("ana", List.of("salesReps")))
			.outcome();
	}

	@Test
	void dailyTimerOfTheClusterRunsTheDetectionAndItsNextRunOpensNothingTwice() {
		long customerId = customerWithLimit(300_000).getId();
		invoice(customerId, "INV-DAILY", 50_000, 20);
		var management = engine.getManagementService();
		Job daily = management.createJobQuery().processDefinitionKey("daily-overdue-detection").timers().singleResult();
		assertThat(daily).as("one timer job per cluster, in the engine's job table").isNotNull();
		assertThat(daily.getDuedate()).isAfter(new Date(ClockUtil.getCurrentTime().getTime() - 1));

		management.executeJob(daily.getId());

		assertThat(caseProcess(customerId)).isNotNull();
		Job next = management.createJobQuery().processDefinitionKey("daily-overdue-detection").timers().singleResult();
		assertThat(next.getId()).as("the timer schedules the next day").isNotEqualTo(daily.getId());
		management.executeJob(next.getId());
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
			.processInstanceBusinessKey(key(customerId)).count()).isEqualTo(1);
		assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
			.processDefinitionKey("daily-overdue-detection").completed().count()).isEqualTo(2);
	}

	@Test
	void invoiceFortyDaysOverdueOpensOneCaseWithReminderLetterAndHoldAndFullPaymentEndsIt() {
		long customerId = customerWithLimit(300_000).getId();
		invoice(customerId, "INV-40", 120_000, 40);

		detection.run(start);

		ProcessInstance instance = caseProcess(customerId);
		assertThat(instance).isNotNull().isWaitingAt("Gateway_AwaitChange");
		assertThat(taskKeys(customerId)).containsExactly("UserTask_ContactCustomerManagement", "UserTask_RemindCustomer",
				"UserTask_SendDunningLetter");
		assertThat(task(customerId, "UserTask_RemindCustomer").getAssignee()).isEqualTo("ana");
		assertThat(task(customerId, "UserTask_SendDunningLetter").getAssignee()).isEqualTo("ana");
		assertThat(task(customerId, "UserTask_ContactCustomerManagement")).hasCandidateGroup("directSalesManagers");
		CollectionCase opened = collectionCase(customerId);
		assertThat(opened.getStage()).isEqualTo("CREDIT_HOLD");
		assertThat(opened.getDaysPastDue()).isEqualTo(40);
		assertThat(actions(customerId)).containsExactly("REMINDER", "DUNNING_LETTER", "CREDIT_HOLD");
		CollectionDocument letter = queries.documentsOf(opened.getId()).get(0);
		assertThat(letter.getContent()).contains("INV-40", "CNY 120,000.00", ">40<", "逾期", "Please pay CNY 120,000.00 by <strong>",
				"Overdue Test Co. 逾期测试", "your account manager ana if");
		assertThat(customers.findById(customerId).orElseThrow().getStatus()).isEqualTo(CustomerStatus.CREDIT_HOLD);
		assertThat(creditCheck(customerId, "SO-HOLD")).isEqualTo(CreditCheckOutcome.CASH_ONLY);
		// the hold is the customer's status, held by this case: another holder's release does not lift it
		assertThat(customers.findById(customerId).orElseThrow().getHoldPlacedBy())
			.isEqualTo("collection-case:" + opened.getId());
		transactions.executeWithoutResult(status -> events
			.publishEvent(new CreditHold.Lifted(customerId, "collection-case:" + (opened.getId() + 1))));
		assertThat(customers.findById(customerId).orElseThrow().getStatus()).isEqualTo(CustomerStatus.CREDIT_HOLD);

		// the job runs again (same day, or after a restart): nothing opens twice
		detection.run(start);
		detection.run(start);
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
			.processInstanceBusinessKey(key(customerId)).count()).isEqualTo(1);
		assertThat(tasks(customerId)).hasSize(3);
		assertThat(queries.documentsOf(opened.getId())).hasSize(1);

		pay(customerId, "PAY-FULL", 120_000);

		assertThat(instance).isEnded();
		assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
			.activityId(OverdueCollectionProcess.END_SETTLED).count()).isEqualTo(1);
		assertThat(collectionCase(customerId).getStatus()).isEqualTo(CollectionCase.Status.SETTLED);
		assertThat(customers.findById(customerId).orElseThrow().getStatus()).isEqualTo(CustomerStatus.ACTIVE);
		assertThat(creditCheck(customerId, "SO-AFTER")).isEqualTo(CreditCheckOutcome.ON_CREDIT);
	}

	@Test
	void eachStageIsReachedOnItsDayAsTheClockMoves() {
		long customerId = customerWithLimit(300_000).getId();
		invoice(customerId, "INV-1", 50_000, 1);
		detection.run(start);
		assertThat(taskKeys(customerId)).containsExactly("UserTask_RemindCustomer");
		assertThat(collectionCase(customerId).getStage()).isEqualTo("REMINDER");

		dailyCheckOn(customerId, start.plusDays(13)); // day 14
		assertThat(actions(customerId)).containsExactly("REMINDER");

		dailyCheckOn(customerId, start.plusDays(14)); // day 15
		assertThat(actions(customerId)).containsExactly("REMINDER", "DUNNING_LETTER");
		assertThat(taskKeys(customerId)).containsExactly("UserTask_RemindCustomer", "UserTask_SendDunningLetter");
		assertThat(customers.findById(customerId).orElseThrow().getStatus()).isEqualTo(CustomerStatus.ACTIVE);

		dailyCheckOn(customerId, start.plusDays(29)); // day 30
		assertThat(actions(customerId)).endsWith("CREDIT_HOLD");
		assertThat(customers.findById(customerId).orElseThrow().getStatus()).isEqualTo(CustomerStatus.CREDIT_HOLD);
		assertThat(task(customerId, "UserTask_ContactCustomerManagement")).hasCandidateGroup("directSalesManagers");

		dailyCheckOn(customerId, start.plusDays(59)); // day 60
		assertThat(actions(customerId)).endsWith("REGIONAL_DECISION");
		assertThat(task(customerId, "UserTask_DecideCollectionAction")).hasCandidateGroup("regionalManagers");

		dailyCheckOn(customerId, start.plusDays(89)); // day 90
		assertThat(actions(customerId)).containsExactly("REMINDER", "DUNNING_LETTER", "CREDIT_HOLD",
				"REGIONAL_DECISION", "WRITE_OFF_PROPOSAL");
		assertThat(task(customerId, "UserTask_ApproveWriteOff")).hasCandidateGroup("regionalManagers");

		// a second check the same day performs nothing again
		dailyCheckOn(customerId, start.plusDays(89));
		assertThat(tasks(customerId)).hasSize(5);
		assertThat(actions(customerId)).hasSize(5);
	}

	@Test
	void aPromiseKeptPausesEscalationUntilThePromisedMoneyArrives() {
		long customerId = customerWithLimit(300_000).getId();
		invoice(customerId, "INV-P1", 30_000, 10);
		invoice(customerId, "INV-P2", 20_000, 3);
		detection.run(start);
		complete("ana", task(customerId, "UserTask_RemindCustomer"), Map.of("contactOutcome", "Phone call: reached the customer",
				"contactNotes", "Finance director promises payment next week.", "promiseToPay", true,
				"promisedDate", start.plusDays(7).toString(), "promisedAmount", 30_000, "customerUnreachable", false));

		dailyCheckOn(customerId, start.plusDays(8)); // day 18 of the oldest: a letter would be due, but the promise holds
		assertThat(actions(customerId)).containsExactly("REMINDER");

		moveTo(start.plusDays(9));
		pay(customerId, "PAY-PROMISE", 30_000, "INV-P1");
		assertThat(queries.promisesOf(collectionCase(customerId).getId()).get(0).getStatus())
			.isEqualTo(PaymentPromise.Status.KEPT);
		CollectionCase afterPayment = collectionCase(customerId);
		assertThat(afterPayment.isOpen()).isTrue();
		assertThat(afterPayment.getDaysPastDue()).as("INV-P2 is the oldest overdue now").isEqualTo(12);
		assertThat(afterPayment.getStage()).isEqualTo("REMINDER");
		assertThat(engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKey(CreditReevaluationProcess.KEY).processInstanceBusinessKey(key(customerId))
			.count()).isZero();
	}

	@Test
	void aBrokenPromiseEscalatesOneStageAtOnceAndStartsACreditReevaluation() {
		long customerId = customerWithLimit(300_000).getId();
		invoice(customerId, "INV-B1", 40_000, 2);
		detection.run(start);
		complete("ana", task(customerId, "UserTask_RemindCustomer"), Map.of("contactOutcome", "Visit: met the customer",
				"promiseToPay", true, "promisedDate", start.plusDays(5).toString(), "promisedAmount", 40_000));

		dailyCheckOn(customerId, start.plusDays(8)); // promised day 5 + 3 days' grace: not yet broken
		assertThat(actions(customerId)).containsExactly("REMINDER");

		dailyCheckOn(customerId, start.plusDays(9)); // day 11 past due, promise broken
		CollectionCase escalated = collectionCase(customerId);
		assertThat(queries.promisesOf(escalated.getId()).get(0).getStatus()).isEqualTo(PaymentPromise.Status.BROKEN);
		assertThat(escalated.getEscalation()).isEqualTo(1);
		assertThat(escalated.getStage()).as("day 11 is the reminder stage, raised by one").isEqualTo("DUNNING_LETTER");
		assertThat(actions(customerId)).containsExactly("REMINDER", "DUNNING_LETTER");
		ProcessInstance review = engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKey(CreditReevaluationProcess.KEY).processInstanceBusinessKey(key(customerId))
			.singleResult();
		assertThat(review).as("a credit re-evaluation for the broken promise").isNotNull();
		assertThat(engine.getRuntimeService().getVariable(review.getId(), CreditReevaluationProcess.TRIGGER))
			.isEqualTo("BROKEN_PROMISE");
	}

	@Test
	void aPartialPaymentReassessesTheStageAndTheHoldStaysUntilAllIsPaid() {
		long customerId = customerWithLimit(300_000).getId();
		invoice(customerId, "INV-OLD", 60_000, 35);
		invoice(customerId, "INV-NEW", 10_000, 5);
		detection.run(start);
		assertThat(collectionCase(customerId).getStage()).isEqualTo("CREDIT_HOLD");

		pay(customerId, "PAY-OLD", 60_000, "INV-OLD");

		CollectionCase reassessed = collectionCase(customerId);
		assertThat(reassessed.isOpen()).isTrue();
		assertThat(reassessed.getStage()).isEqualTo("REMINDER");
		assertThat(reassessed.getDaysPastDue()).isEqualTo(5);
		assertThat(reassessed.getOverdueAmount()).isEqualByComparingTo("10000");
		assertThat(customers.findById(customerId).orElseThrow().getStatus()).isEqualTo(CustomerStatus.CREDIT_HOLD);

		pay(customerId, "PAY-NEW", 10_000);
		assertThat(collectionCase(customerId).getStatus()).isEqualTo(CollectionCase.Status.SETTLED);
		assertThat(customers.findById(customerId).orElseThrow().getStatus()).isEqualTo(CustomerStatus.ACTIVE);
		assertThat(tasks(customerId)).as("settling ends every open task of the case").isEmpty();
	}

	@Test
	void aCreditNoteReachesTheCaseAndSettlesWhatItCredits() {
		long customerId = customerWithLimit(300_000).getId();
		invoice(customerId, "INV-CN", 12_000, 8);
		detection.run(start);
		assertThat(collectionCase(customerId).isOpen()).isTrue();

		ledger.postCreditNote(new CreditNoteLine(customerId, null, "CN-8", "INV-CN", start, new BigDecimal("12000"),
				"Wrong price invoiced"));
		assertThat(deliverFollowUps()).contains("ReceivablesSettled customer " + customerId);

		assertThat(collectionCase(customerId).getStatus()).isEqualTo(CollectionCase.Status.SETTLED);
		assertThat(queries.historyOf(collectionCase(customerId).getId())).extracting(CollectionEvent::getKind)
			.contains("OPENED", "REMINDER", "SETTLED");
	}

	@Test
	void aVanishedDebtorGoesStraightToTheWriteOffProposalWhichTheReporterCannotApprove() {
		long customerId = customerWithLimit(300_000).getId();
		invoice(customerId, "INV-V", 25_000, 6);
		detection.run(start);
		complete("ana", task(customerId, "UserTask_RemindCustomer"), Map.of("contactOutcome", "Could not reach anyone",
				"contactNotes", "Office empty, phones disconnected.", "customerUnreachable", true));

		assertThat(customers.findById(customerId).orElseThrow().getStatus()).isEqualTo(CustomerStatus.VANISHED);
		Task approval = task(customerId, "UserTask_ApproveWriteOff");
		assertThat(approval).hasCandidateGroup("regionalManagers");
		assertThat(engine.getRuntimeService().getVariable(caseProcess(customerId).getId(), "writeOffProposedBy"))
			.isEqualTo("ana");

		complete("erik", approval, Map.of("writeOffDecision", "APPROVE", "writeOffComment", "Debtor gone."));

		CollectionCase closed = collectionCase(customerId);
		assertThat(closed.getStatus()).isEqualTo(CollectionCase.Status.WRITTEN_OFF);
		WriteOff writeOff = queries.writeOffOf(closed.getId()).orElseThrow();
		assertThat(writeOff.getApprovedBy()).isEqualTo("erik");
		assertThat(writeOff.getProposedBy()).isEqualTo("ana");
		assertThat(writeOff.getTotalAmount()).isEqualByComparingTo("25000");
		assertThat(caseProcess(customerId)).isNull();
	}

	@Test
	void theProposerOfAWriteOffCannotApproveItAndARejectionReturnsToTheDecision() {
		long customerId = customerWithLimit(300_000).getId();
		invoice(customerId, "INV-60", 70_000, 61);
		detection.run(start);
		complete("erik", task(customerId, "UserTask_DecideCollectionAction"), Map.of("collectionAction", "PROPOSE_WRITE_OFF",
				"decisionNotes", "No assets left."));
		Task approval = task(customerId, "UserTask_ApproveWriteOff");

		assertThatThrownBy(() -> as("erik", () -> engine.getTaskService().claim(approval.getId(), "erik")))
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("erik proposed this write-off");

		complete("gina", approval, Map.of("writeOffDecision", "REJECT", "writeOffComment", "Try a collection agency first."));
		Task decision = task(customerId, "UserTask_DecideCollectionAction");
		complete("gina", decision, Map.of("collectionAction", "COLLECTION_AGENCY"));
		assertThat(collectionCase(customerId).getCollectionAction()).isEqualTo(CollectionCase.Action.COLLECTION_AGENCY);
		assertThat(collectionCase(customerId).isOpen()).isTrue();
	}

	private long approvalsOpen(long customerId) {
		return tasks(customerId).stream().filter(t -> t.getTaskDefinitionKey().equals("UserTask_ApproveWriteOff")).count();
	}

	@Test
	void aCaseFirstFoundAtNinetyDaysGoesToTheWriteOffApprovalAloneAndARejectionOpensTheDecision() {
		long customerId = customerWithLimit(300_000).getId();
		invoice(customerId, "INV-95", 30_000, 95);
		detection.run(start);
		assertThat(taskKeys(customerId)).contains("UserTask_ApproveWriteOff").doesNotContain("UserTask_DecideCollectionAction");

		complete("erik", task(customerId, "UserTask_ApproveWriteOff"), Map.of("writeOffDecision", "REJECT",
				"writeOffComment", "Try a payment plan first."));
		assertThat(taskKeys(customerId)).contains("UserTask_DecideCollectionAction").doesNotContain("UserTask_ApproveWriteOff");
	}

	@Test
	void aManagersProposalWhileTheDayNinetyApprovalIsOpenJoinsItAndTheRecordKeepsHerNote() {
		long customerId = customerWithLimit(300_000).getId();
		invoice(customerId, "INV-JOIN", 40_000, 61);
		detection.run(start);
		dailyCheckOn(customerId, start.plusDays(29)); // day 90: the policy proposes the write-off
		assertThat(approvalsOpen(customerId)).isEqualTo(1);
		assertThat(task(customerId, "UserTask_DecideCollectionAction")).isNotNull();

		complete("erik", task(customerId, "UserTask_DecideCollectionAction"), Map.of("collectionAction",
				"PROPOSE_WRITE_OFF", "decisionNotes", "Warehouse sold, no assets left."));

		assertThat(approvalsOpen(customerId)).as("one approval per case").isEqualTo(1);
		Task approval = task(customerId, "UserTask_ApproveWriteOff");
		assertThat(engine.getTaskService().getVariable(approval.getId(), "writeOffReason").toString()).contains("erik");
		complete("gina", approval, Map.of("writeOffDecision", "APPROVE", "writeOffComment", "Agreed."));
		WriteOff writeOff = queries.writeOffOf(collectionCase(customerId).getId()).orElseThrow();
		assertThat(writeOff.getProposedBy()).isEqualTo("erik");
		assertThat(writeOff.getReason()).contains("Warehouse sold, no assets left.");
	}

	@Test
	void aPaymentPlanDecidedWhileAWriteOffAwaitsApprovalWithdrawsTheProposal() {
		long customerId = customerWithLimit(300_000).getId();
		invoice(customerId, "INV-PLAN2", 60_000, 61);
		detection.run(start);
		dailyCheckOn(customerId, start.plusDays(29)); // day 90
		assertThat(approvalsOpen(customerId)).isEqualTo(1);

		complete("erik", task(customerId, "UserTask_DecideCollectionAction"), Map.of("collectionAction", "PAYMENT_PLAN",
				"planInstalments", 3, "planFirstDueDate", start.plusDays(40).toString()));

		assertThat(approvalsOpen(customerId)).as("the pending proposal is withdrawn").isZero();
		assertThat(collectionCase(customerId).isOpen()).isTrue();
		assertThat(queries.writeOffOf(collectionCase(customerId).getId())).isEmpty();
		assertThat(queries.historyOf(collectionCase(customerId).getId())).extracting(CollectionEvent::getKind)
			.contains("WRITE_OFF_PROPOSAL_WITHDRAWN");
		assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
			.processInstanceId(caseProcess(customerId).getId()).activityId("EndEvent_WriteOffProposalWithdrawn").count())
			.isEqualTo(1);
	}

	@Test
	void afterLegalActionTheRegionalManagersDecideAgainThirtyDaysLater() {
		long customerId = customerWithLimit(300_000).getId();
		invoice(customerId, "INV-LEGAL", 40_000, 62);
		detection.run(start);
		Task decision = task(customerId, "UserTask_DecideCollectionAction");
		assertThat(decision.getDueDate()).as("due in three days")
			.isEqualTo(Date.from(start.plusDays(3).atTime(18, 0).atZone(ZoneId.systemDefault()).toInstant()));
		complete("erik", decision, Map.of("collectionAction", "LEGAL_ACTION", "decisionNotes", "Lawyer's letter sent."));
		assertThat(taskKeys(customerId)).doesNotContain("UserTask_DecideCollectionAction");

		Job followUp = engine.getManagementService()
			.createJobQuery()
			.processInstanceId(caseProcess(customerId).getId())
			.activityId("TimerEvent_FollowUpDue")
			.singleResult();
		assertThat(followUp.getDuedate()).as("30 days after the decision")
			.isBetween(Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(30)).minusSeconds(120)),
					Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(30))));
		moveTo(start.plusDays(31));
		engine.getManagementService().executeJob(followUp.getId());

		assertThat(task(customerId, "UserTask_DecideCollectionAction")).hasCandidateGroup("regionalManagers");
		assertThat(collectionCase(customerId).getCollectionAction()).isEqualTo(CollectionCase.Action.LEGAL_ACTION);
	}

	@Test
	void aMissedInstalmentOfThePaymentPlanEscalatesToTheWriteOffProposal() {
		long customerId = customerWithLimit(300_000).getId();
		invoice(customerId, "INV-PLAN", 90_000, 60);
		detection.run(start);
		complete("erik", task(customerId, "UserTask_DecideCollectionAction"), Map.of("collectionAction", "PAYMENT_PLAN",
				"planInstalments", 3, "planFirstDueDate", start.plusDays(10).toString()));
		CollectionCase planned = collectionCase(customerId);
		assertThat(queries.planOf(planned.getId())).extracting(Instalment::getAmount)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("30000"), new BigDecimal("30000"), new BigDecimal("30000"));

		moveTo(start.plusDays(11));
		pay(customerId, "PAY-I1", 30_000);
		dailyCheckOn(customerId, start.plusDays(35)); // day 95: the plan holds escalation
		assertThat(actions(customerId)).doesNotContain("WRITE_OFF_PROPOSAL");

		// the 2nd instalment's date plus 3 days' grace has passed unpaid
		dailyCheckOn(customerId, start.plusDays(10).plusMonths(1).plusDays(4));
		assertThat(queries.planOf(planned.getId())).extracting(Instalment::getStatus)
			.containsExactly(Instalment.Status.PAID, Instalment.Status.MISSED, Instalment.Status.DUE);
		assertThat(actions(customerId)).endsWith("WRITE_OFF_PROPOSAL");
		assertThat(task(customerId, "UserTask_ApproveWriteOff")).isNotNull();
	}

	@Test
	void aDisputedInvoiceIsLeftOutOfEscalationUntilResolved() {
		long customerId = customerWithLimit(300_000).getId();
		invoice(customerId, "INV-D1", 15_000, 20);
		invoice(customerId, "INV-D2", 5_000, 4);
		detection.run(start);
		assertThat(collectionCase(customerId).getStage()).isEqualTo("DUNNING_LETTER");
		long caseId = collectionCase(customerId).getId();

		disputes.raiseDispute(caseId, "INV-D1", "Goods arrived damaged.", "ana", start);
		assertThat(deliverFollowUps()).contains("DisputeRaised collection case " + caseId);

		Task resolve = task(customerId, "UserTask_ResolveDispute");
		assertThat(resolve).hasCandidateGroup("directSalesManagers");
		assertThat(engine.getTaskService().getVariable(resolve.getId(), "disputeText").toString()).contains("INV-D1",
				"Goods arrived damaged.");
		assertThat(collectionCase(customerId).getDaysPastDue()).as("only INV-D2 counts").isEqualTo(4);
		assertThat(collectionCase(customerId).getStage()).isEqualTo("REMINDER");

		complete("dora", resolve, Map.of("disputeResolution", "REJECTED", "disputeNotes", "Photos show intact goods."));
		assertThat(collectionCase(customerId).getDaysPastDue()).isEqualTo(20);
		assertThat(collectionCase(customerId).getStage()).isEqualTo("DUNNING_LETTER");
		assertThat(actions(customerId)).as("the letter was not generated twice").containsExactly("REMINDER", "DUNNING_LETTER");
	}

	@Test
	void aKeyAccountReachesTheDirectSalesManagerOneStageEarlier() {
		Customer keyAccount = customerWithLimit(300_000);
		keyAccount.classify("A", BigDecimal.valueOf(9_000_000), new BigDecimal("0.4"), 1, start);
		keyAccount = customers.save(keyAccount);
		Customer other = customerWithLimit(300_000);
		invoice(keyAccount.getId(), "INV-K1", 10_000, 20);
		invoice(other.getId(), "INV-O1", 10_000, 20);
		detection.run(start);

		assertThat(collectionCase(keyAccount.getId()).getStage()).as("20 days: a manager, not a letter")
			.isEqualTo("CREDIT_HOLD");
		assertThat(collectionCase(other.getId()).getStage()).isEqualTo("DUNNING_LETTER");
	}

	@Test
	void aPromiseInThePastIsRefusedAndNothingIsRecorded() {
		long customerId = customerWithLimit(300_000).getId();
		invoice(customerId, "INV-X", 10_000, 3);
		detection.run(start);
		Task reminder = task(customerId, "UserTask_RemindCustomer");
		assertThatThrownBy(() -> complete("ana", reminder, Map.of("contactOutcome", "Phone call: reached the customer",
				"promiseToPay", true, "promisedDate", start.minusDays(1).toString(), "promisedAmount", 10_000)))
			.hasMessageContaining("The promised payment date must be today or later");
		assertThat(queries.promisesOf(collectionCase(customerId).getId())).isEmpty();
		assertThat(task(customerId, "UserTask_RemindCustomer").getId()).isEqualTo(reminder.getId());
	}

	@Test
	void writeOffChargesTheUncoveredPartToTheRepAndSharesTheCoveredPartWithTheApprover() {
		// the limit was granted 200 days ago
		ClockUtil.setCurrentTime(java.util.Date.from(start.minusDays(200).atTime(10, 0)
			.atZone(java.time.ZoneId.systemDefault()).toInstant()));
		ProcessInstance investigation = startInvestigation("ana", InvestigationFixture.soundCustomer());
		long customerId = customerId(investigation);
		prepareApplication(investigation, "ana", 100_000);
		approve(investigation, "clara");
		ClockUtil.reset();
		assertThat(customers.findById(customerId).orElseThrow().getCreditLimit()).isEqualByComparingTo("100000");
		Long grantingDecision = customers.findById(customerId).orElseThrow().getLimitDecisionId();
		assertThat(grantingDecision).isNotNull();

		invoice(customerId, "INV-W1", 80_000, 95); // within the limit
		invoice(customerId, "INV-W2", 50_000, 92); // 20,000 within, 30,000 beyond
		// dated 260 days ago, before the limit existed: no approver answers for it, whatever room the limit has
		invoice(customerId, "INV-W0", 10_000, 230);
		detection.run(start);
		complete("erik", task(customerId, "UserTask_ApproveWriteOff"), Map.of("writeOffDecision", "APPROVE"));

		WriteOff writeOff = queries.writeOffOf(collectionCase(customerId).getId()).orElseThrow();
		assertThat(writeOff.getTotalAmount()).isEqualByComparingTo("140000");
		assertThat(writeOff.getCoveredAmount()).isEqualByComparingTo("100000");
		assertThat(writeOff.getUncoveredAmount()).isEqualByComparingTo("40000");
		assertThat(writeOff.getCompanyAmount()).isEqualByComparingTo("85000");
		List<BadDebtLiability> shares = queries.liabilitiesOf(writeOff.getId());
		assertThat(shares).extracting(l -> l.getPerson() + " " + l.getBasis() + " " + l.getInvoiceNumber() + " "
				+ l.getAmount().toPlainString())
			.containsExactlyInAnyOrder("ana COVERED_REP_SHARE INV-W1 8000.00", "clara COVERED_APPROVER_SHARE INV-W1 4000.00",
					"ana COVERED_REP_SHARE INV-W2 2000.00", "clara COVERED_APPROVER_SHARE INV-W2 1000.00",
					"ana UNCOVERED_FULL INV-W2 30000.00", "ana UNCOVERED_FULL INV-W0 10000.00");
		assertThat(shares).filteredOn(l -> l.getBasis() != BadDebtLiability.Basis.UNCOVERED_FULL)
			.extracting(BadDebtLiability::getCreditDecisionId)
			.containsOnly(grantingDecision);
		Customer after = customers.findById(customerId).orElseThrow();
		assertThat(after.getCreditLimit()).as("a customer who left a bad debt trades for cash").isEqualByComparingTo("0");
		assertThat(ledger.receivablesOf(customerId)).allSatisfy(r -> assertThat(r.getWrittenOffAmount()).isPositive());
	}

}
