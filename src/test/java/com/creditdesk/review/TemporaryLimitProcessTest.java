package com.creditdesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.creditdesk.approval.CreditDecision;
import com.creditdesk.approval.CreditDecisionService;
import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerRepository;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.customer.TemporaryLimit;
import com.creditdesk.customer.TemporaryLimits;
import com.creditdesk.receivable.LedgerLines.InvoiceLine;
import com.creditdesk.receivable.LedgerService;
import com.creditdesk.support.InvestigationFixture;
import com.creditdesk.support.ProcessTestBase;
import com.creditdesk.system.BusinessClock;

/** The paths through {@code temporary-limit-increase}: approved, used, expired by its timer; declined; refused. */
class TemporaryLimitProcessTest extends ProcessTestBase {

	@Autowired
	CustomerRepository customers;

	@Autowired
	CustomerService customerService;

	@Autowired
	TemporaryLimits temporaryLimits;

	@Autowired
	CreditDecisionService decisions;

	@Autowired
	LedgerService ledger;

	@Autowired
	JdbcTemplate jdbc;

	/** An active grade-A customer of ana's with a limit of CNY 90,000 (suggested 275,000). */
	private Customer activeCustomer() {
		ProcessInstance investigation = startInvestigation("ana", InvestigationFixture.soundCustomer());
		prepareApplication(investigation, "ana", 90_000);
		approve(investigation, "clara");
		return customers.findById(customerId(investigation)).orElseThrow();
	}

	private Map<String, Object> request(Customer customer, long amount, LocalDate from, LocalDate until) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("creditCode", customer.getCreditCode());
		variables.put("temporaryAmount", amount);
		variables.put("temporaryFrom", from.toString());
		variables.put("temporaryUntil", until.toString());
		variables.put("temporaryReason", "Spring planting season: three large seed orders expected in March.");
		return variables;
	}

	private ProcessInstance start(String rep, Map<String, Object> variables) {
		return as(rep, () -> engine.getFormService()
			.submitStartForm(engine.getRepositoryService()
				.createProcessDefinitionQuery()
				.processDefinitionKey(TemporaryLimitProcess.KEY)
				.latestVersion()
				.singleResult()
				.getId(), variables));
	}

	private BigDecimal covered(long customerId, String invoiceNumber) {
		return jdbc.queryForObject("select covered_amount from receivable where customer_id = ? and invoice_number = ?",
				BigDecimal.class, customerId, invoiceNumber);
	}

	private Long coveringDecision(long customerId, String invoiceNumber) {
		return jdbc.queryForObject(
				"select credit_decision_id from receivable where customer_id = ? and invoice_number = ?", Long.class,
				customerId, invoiceNumber);
	}

	@Test
	void anIncreaseApprovedOnTheCombinedAmountCountsWithinItsDatesAndExpiresByItsTimer() {
		Customer customer = activeCustomer();
		LocalDate today = BusinessClock.today();
		LocalDate from = today.plusDays(1);
		LocalDate until = today.plusDays(30);
		ProcessInstance request = start("ana", request(customer, 100_000, from, until));

		// 90,000 + 100,000 = 190,000 is beyond a customer manager's 100,000: the direct-sales manager decides too
		approve(request, "clara");
		approve(request, "dora");
		TemporaryLimit temporary = temporaryLimits.of(customer.getId()).get(0);
		assertThat(temporary.getStatus()).isEqualTo(TemporaryLimit.Status.APPROVED);
		assertThat(temporary.getAmount()).isEqualByComparingTo("100000");
		CreditDecision decision = decisions.get(temporary.getDecisionId());
		assertThat(decision.getRequestedAmount()).isEqualByComparingTo("190000");
		assertThat(decision.getApprovalChain()).contains("directSalesManagers");
		assertThat(request).isWaitingAt(TemporaryLimitProcess.LAST_DAY_PASSED);
		Customer after = customers.findById(customer.getId()).orElseThrow();
		assertThat(after.getCreditLimit()).as("the limit itself is unchanged").isEqualByComparingTo("90000");
		assertThat(after.getOpenCaseProcessId()).as("the case closes: a re-evaluation may run meanwhile").isNull();

		assertThat(customerService.creditLimitOn(after, today)).as("not before its first day")
			.isEqualByComparingTo("90000");
		assertThat(customerService.creditLimitOn(after, from)).isEqualByComparingTo("190000");
		assertThat(customerService.creditLimitOn(after, until)).isEqualByComparingTo("190000");
		assertThat(customerService.creditLimitOn(after, until.plusDays(1))).isEqualByComparingTo("90000");

		Job timer = engine.getManagementService().createJobQuery().processInstanceId(request.getId()).timers()
			.singleResult();
		assertThat(timer.getDuedate()).isEqualTo(Date.from(until.plusDays(1).atStartOfDay(ZoneId.systemDefault())
			.toInstant()));
		ClockUtil.setCurrentTime(timer.getDuedate());
		engine.getManagementService().executeJob(timer.getId());
		assertThat(request).isEnded().hasPassed(TemporaryLimitProcess.END_EXPIRED);
		assertThat(temporaryLimits.get(temporary.getId()).getStatus()).isEqualTo(TemporaryLimit.Status.EXPIRED);

		// an invoice of the increase's days, posted after it expired, is still covered by it and its decision
		ledger.postInvoice(new InvoiceLine(customer.getId(), null, "TMP-1", null, from.plusDays(2),
				from.plusDays(32), new BigDecimal("150000"), "CNY"));
		assertThat(covered(customer.getId(), "TMP-1")).isEqualByComparingTo("150000");
		assertThat(coveringDecision(customer.getId(), "TMP-1")).isEqualTo(temporary.getDecisionId());
		ledger.postInvoice(new InvoiceLine(customer.getId(), null, "TMP-2", null, until.plusDays(1),
				until.plusDays(31), new BigDecimal("10000"), "CNY"));
		assertThat(covered(customer.getId(), "TMP-2")).as("after it: the 90,000 limit, already used by TMP-1")
			.isEqualByComparingTo("0");
	}

	@Test
	void aKeyAccountsSmallIncreaseIsDecidedByTheDirectSalesManagerToo() {
		Customer customer = activeCustomer();
		customer.classify("A", BigDecimal.valueOf(12_000_000), new BigDecimal("0.35"), 2, BusinessClock.today());
		customers.save(customer);
		LocalDate today = BusinessClock.today();
		// 90,000 + 5,000 is within a customer manager's authority, but the customer is a key account
		ProcessInstance request = start("ana", request(customer, 5_000, today, today.plusDays(10)));
		approve(request, "clara");
		approve(request, "dora");

		TemporaryLimit temporary = temporaryLimits.of(customer.getId()).get(0);
		assertThat(temporary.getStatus()).isEqualTo(TemporaryLimit.Status.APPROVED);
		CreditDecision decision = decisions.get(temporary.getDecisionId());
		assertThat(decision.isKeyAccount()).isTrue();
		assertThat(decision.getSteps()).as("the customer manager's authority covers 95,000, yet the chain runs on")
			.extracting(step -> step.getApprover())
			.containsExactly("clara", "dora");
	}

	@Test
	void anIncreaseAddsOnlyToTheLimitItWasAskedOnNotToOneGrantedSince() {
		Customer customer = activeCustomer();
		LocalDate today = BusinessClock.today();
		ProcessInstance request = start("ana", request(customer, 30_000, today, today.plusDays(20)));
		approve(request, "clara");
		approve(request, "dora");
		Customer approved = customers.findById(customer.getId()).orElseThrow();
		assertThat(customerService.creditLimitOn(approved, today)).isEqualByComparingTo("120000");

		// a re-evaluation grants 60,000 meanwhile: nobody approved 60,000 + 30,000
		customerService.grantLimit(customer.getId(), BigDecimal.valueOf(60_000), "A", today.plusYears(1),
				today.plusMonths(6), null);
		Customer regranted = customers.findById(customer.getId()).orElseThrow();
		assertThat(customerService.creditLimitOn(regranted, today)).isEqualByComparingTo("60000");
	}

	@Test
	void aRequestCancelledBeforeItsDecisionNoLongerHoldsItsDays() {
		Customer customer = activeCustomer();
		LocalDate today = BusinessClock.today();
		ProcessInstance cancelled = start("ana", request(customer, 30_000, today, today.plusDays(20)));
		engine.getRuntimeService().deleteProcessInstance(cancelled.getId(), "cancelled in Cockpit");

		assertThat(temporaryLimits.of(customer.getId())).singleElement()
			.satisfies(t -> assertThat(t.getStatus()).isEqualTo(TemporaryLimit.Status.NOT_APPROVED));
		ProcessInstance again = start("ana", request(customer, 30_000, today, today.plusDays(20)));
		assertThat(again).isWaitingAt(TemporaryLimitProcess.REQUEST_APPROVAL);
	}

	@Test
	void aReasonBeyondAThousandCharactersIsRefusedAtItsField() {
		Customer customer = activeCustomer();
		LocalDate today = BusinessClock.today();
		Map<String, Object> variables = request(customer, 30_000, today, today.plusDays(20));
		variables.put("temporaryReason", "Seasonal orders. ".repeat(80));
		assertThatThrownBy(() -> start("ana", variables)).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("[temporaryReason]");
		variables.put("temporaryReason", "Seasonal orders for the spring planting season.");
		variables.put("temporaryAmount", 10_000_000_000_000L);
		assertThatThrownBy(() -> start("ana", variables)).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("[temporaryAmount]");
		assertThat(temporaryLimits.of(customer.getId())).isEmpty();
	}

	@Test
	void aRejectedIncreaseIsDeclinedAndTheCustomerKeepsItsLimit() {
		Customer customer = activeCustomer();
		LocalDate today = BusinessClock.today();
		ProcessInstance request = start("ana", request(customer, 50_000, today, today.plusDays(20)));
		decide(request, "clara", Map.of("approvalDecision", "REJECT", "approvalComment", "Not this season."));

		assertThat(request).isEnded().hasPassed(TemporaryLimitProcess.END_DECLINED);
		TemporaryLimit temporary = temporaryLimits.of(customer.getId()).get(0);
		assertThat(temporary.getStatus()).isEqualTo(TemporaryLimit.Status.NOT_APPROVED);
		Customer after = customers.findById(customer.getId()).orElseThrow();
		assertThat(customerService.creditLimitOn(after, today)).isEqualByComparingTo("90000");
		assertThat(after.getOpenCaseProcessId()).isNull();
	}

	@Test
	void wrongDatesAnotherRepsCustomerAndOverlapsAreRefusedAtTheFieldLeavingNothing() {
		Customer customer = activeCustomer();
		LocalDate today = BusinessClock.today();

		assertThatThrownBy(() -> start("ana", request(customer, 50_000, today.plusDays(10), today.plusDays(5))))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("[temporaryUntil]");
		assertThatThrownBy(() -> start("ana", request(customer, 50_000, today, today.plusMonths(7))))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("6 months");
		assertThatThrownBy(() -> start("ben", request(customer, 50_000, today, today.plusDays(5))))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("[creditCode]");
		assertThat(temporaryLimits.of(customer.getId())).as("nothing half-written").isEmpty();
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(TemporaryLimitProcess.KEY)
			.processInstanceBusinessKey(customer.getCreditCode()).count()).isZero();

		ProcessInstance first = start("ana", request(customer, 50_000, today, today.plusDays(20)));
		assertThatThrownBy(() -> start("ana", request(customer, 20_000, today.plusDays(10), today.plusDays(40))))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("[temporaryFrom]");
		assertThat(temporaryLimits.of(customer.getId())).extracting(TemporaryLimit::getProcessInstanceId)
			.containsExactly(first.getId());
		List<String> openSteps = engine.getRuntimeService().getActiveActivityIds(first.getId());
		assertThat(openSteps).containsExactly(TemporaryLimitProcess.REQUEST_APPROVAL);
	}

}
