package com.creditdesk.approval;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.receivable.Overdues;
import com.creditdesk.receivable.Overdues.OverdueItem;
import com.creditdesk.system.BusinessClock;
import com.creditdesk.system.DecisionVersions;
import com.creditdesk.system.Labels;
import com.creditdesk.system.Money;

/**
 * Opens the credit decision record for the chain the authority matrix returned, and gives the approvers' forms
 * what they show: the application, ratios against benchmarks, score, grade, suggested limit and the bank's answer.
 * The application is read from the credit file (through {@link CreditApplications}), never from the variables.
 */
@Component
class OpenCreditDecisionDelegate implements JavaDelegate {

	private final CreditDecisionService decisions;

	private final CustomerService customers;

	private final CreditApplications applications;

	private final DecisionVersions decisionVersions;

	private final Labels labels;

	private final Overdues receivables;

	OpenCreditDecisionDelegate(CreditDecisionService decisions, CustomerService customers,
			CreditApplications applications, DecisionVersions decisionVersions, Labels labels, Overdues receivables) {
		this.labels = labels;
		this.receivables = receivables;
		this.decisions = decisions;
		this.customers = customers;
		this.applications = applications;
		this.decisionVersions = decisionVersions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// the chain the authority matrix returned in this very transaction; from here on it is read from the record
		List<ApprovalLevel> chain = CreditGrantApprovalProcess.chain(execution);
		CreditApplication file = applications.application(CreditGrantApprovalProcess.CREDIT_FILE_ID.require(execution));
		checkCase(execution, file);
		long customerId = file.customerId();
		// who asked and how much: as submitted on the credit file, by the person authenticated then
		CreditDecision decision = decisions.open(customerId, file.creditFileId(), execution.getProcessInstanceId(),
				file.requester(), file.amount(), chain,
				decisionVersions.describe(execution, "approval-authority") + ": " + ApprovalLevel.describe(chain),
				CreditGrantApprovalProcess.LIMIT_VALID_UNTIL.get(execution), file.exceptionCodes(),
				file.exceptionSummary(), customers.get(customerId).isKeyAccount());

		CreditGrantApprovalProcess.CREDIT_DECISION_ID.set(execution, decision.getId());
		// the record holds the chain now; the decision's result stays in its history
		execution.removeVariable(CreditGrantApprovalProcess.APPROVAL_CHAIN);
		// whether the chain has ended is read from the record (the completion condition); the amount's text is on
		// each approval task (amountText) and the cash-or-collateral part in the view
		CreditGrantApprovalProcess.AMOUNT_UNDER_REVIEW.set(execution, decision.getAmountUnderReview());

		Customer customer = customers.get(customerId);
		execution.setVariable(CreditGrantApprovalProcess.CUSTOMER_NAME, customer.getName());
		execution.setVariable(CreditGrantApprovalProcess.CREDIT_GRADE, file.creditGrade());
		// what the approver's form only shows, in one variable
		Map<String, Object> view = new LinkedHashMap<>();
		view.put(CreditGrantApprovalProcess.CREDIT_CODE, customer.getCreditCode());
		view.put(CreditGrantApprovalProcess.CREDIT_SCORE, file.creditScore());
		// the exception marker: what departs from the policy, by how much, and the rep's justification
		view.put(CreditGrantApprovalProcess.POLICY_EXCEPTION_TEXT, file.exceptionCodes() == null ? null
				: file.exceptionSummary().replace("\n", "；") + "。 理由 Justification: " + file.exceptionJustification());
		view.put(CreditGrantApprovalProcess.PROPOSED_LIMIT_TEXT, Money.format(decision.getRequestedAmount()));
		// shown only when some of the amount is beyond the top authority
		view.put(CreditGrantApprovalProcess.CASH_OR_COLLATERAL_TEXT, decision.getCashOrCollateralAmount().signum() > 0
				? Money.format(decision.getCashOrCollateralAmount()) : null);
		view.put(CreditGrantApprovalProcess.SUGGESTED_LIMIT_TEXT, Money.format(file.suggestedLimit()));
		view.put(CreditGrantApprovalProcess.PROPOSAL_REASON, file.proposalReason());
		view.put(CreditGrantApprovalProcess.BANK_INQUIRY_SUMMARY, file.bankInquirySummary());
		view.putAll(file.ratioAssessments());
		// the summary band at the top of the approver's form: who asks, for whom, how much against what
		view.put(CreditGrantApprovalProcess.REQUESTER_NAME, labels.person(file.requester()));
		view.put(CreditGrantApprovalProcess.REGION, customer.getRegion());
		view.put(CreditGrantApprovalProcess.PAYMENT_TERM_TEXT, file.paymentTermDays() + " 天 days");
		view.put(CreditGrantApprovalProcess.MONTHLY_PURCHASES_TEXT, Money.format(file.expectedMonthlyPurchases()));
		view.put(CreditGrantApprovalProcess.OPEN_RECEIVABLES_TEXT, openReceivablesText(customerId));
		view.put(CreditGrantApprovalProcess.CURRENT_LIMIT_TEXT,
				customer.getCreditLimit() == null || customer.getCreditLimit().signum() == 0 ? "无 none"
						: Money.format(customer.getCreditLimit()) + " (" + customer.getCreditGrade() + ")");
		view.putAll(file.ratioLights());
		// the key-account marker (this morning's 80/20 class) and why the file scored what it did
		view.put(CreditGrantApprovalProcess.KEY_ACCOUNT_TEXT, !customer.isKeyAccount() ? null
				: "第 " + customer.getKeyAccountRank() + " 名 rank · 近12个月赊销 credit sales, 12 months "
						+ Money.format(customer.getKeyAccountSales()));
		view.put(CreditGrantApprovalProcess.SCORE_EXPLANATION_TEXT, applications.scoreExplanation(file.creditFileId()));
		execution.setVariable(CreditGrantApprovalProcess.APPROVAL_VIEW,
				Variables.objectValue(view).serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
	}

	/** What the customer owes today and how much of it is overdue: "¥120,000.00 / 逾期 overdue ¥20,000.00". */
	private String openReceivablesText(long customerId) {
		List<OverdueItem> open = receivables.openItems(customerId, BusinessClock.today());
		if (open.isEmpty()) {
			return "无 none";
		}
		BigDecimal total = open.stream().map(OverdueItem::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal overdue = open.stream()
			.filter(item -> item.daysOverdue() > 0)
			.map(OverdueItem::openAmount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return Money.format(total) + " / 逾期 overdue " + Money.format(overdue);
	}

	/**
	 * The application belongs to the case that asks: the credit file was opened by the calling investigation,
	 * re-evaluation or temporary increase (the customer, amount and exception were read from that file when the
	 * approval started). A mismatch is a defect or tampering, never something to approve.
	 */
	private static void checkCase(DelegateExecution execution, CreditApplication file) {
		DelegateExecution caller = execution.getSuperExecution();
		String callingCase = caller == null ? null : caller.getProcessInstanceId();
		if (callingCase != null && !callingCase.equals(file.caseProcessInstanceId())) {
			throw new IllegalStateException("credit file " + file.creditFileId() + " of customer " + file.customerId()
					+ " belongs to case " + file.caseProcessInstanceId() + ", not to the calling case " + callingCase);
		}
	}

}
