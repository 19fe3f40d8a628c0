package com.creditdesk.approval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.investigation.CreditFileSummary;
import com.creditdesk.investigation.CreditFile;
import com.creditdesk.investigation.CreditInvestigationProcess;
import com.creditdesk.investigation.CreditInvestigationService;
import com.creditdesk.scoring.ScoreExplanation;
import com.creditdesk.receivable.Overdues;
import com.creditdesk.receivable.Overdues.OverdueItem;
import com.creditdesk.system.BusinessClock;
import com.creditdesk.system.DecisionVersions;
import com.creditdesk.system.Labels;
import com.creditdesk.system.Money;

/**
 * Opens the credit decision record for the chain the authority matrix returned, and gives the approvers' forms
 * what they show: the application, ratios against benchmarks, score, grade, suggested limit and the bank's answer.
 */
@Component
class OpenCreditDecisionDelegate implements JavaDelegate {

	private final CreditDecisionService decisions;

	private final CustomerService customers;

	private final CreditInvestigationService investigations;

	private final DecisionVersions decisionVersions;

	private final Labels labels;

	private final Overdues receivables;

	private final ScoreExplanation explanation;

	OpenCreditDecisionDelegate(CreditDecisionService decisions, CustomerService customers,
			CreditInvestigationService investigations, DecisionVersions decisionVersions, Labels labels,
			Overdues receivables, ScoreExplanation explanation) {
		this.explanation = explanation;
		this.labels = labels;
		this.receivables = receivables;
		this.decisions = decisions;
		this.customers = customers;
		this.investigations = investigations;
		this.decisionVersions = decisionVersions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// the chain the authority matrix returned in this very transaction; from here on it is read from the record
		List<ApprovalLevel> chain = CreditGrantApprovalProcess.chain(execution);
		long customerId = CreditGrantApprovalProcess.longValue(execution, CreditGrantApprovalProcess.CUSTOMER_ID);
		long fileId = CreditGrantApprovalProcess.longValue(execution, CreditGrantApprovalProcess.CREDIT_FILE_ID);
		CreditFileSummary file = investigations.summary(fileId);
		checkCase(execution, customerId, file);
		BigDecimal requested = Money.of(execution.getVariable(CreditGrantApprovalProcess.REQUESTED_AMOUNT));
		Object validUntil = execution.getVariable(CreditGrantApprovalProcess.LIMIT_VALID_UNTIL);
		// who asked: the person who submitted the application, as recorded on the credit file
		String requester = file.proposedBy() != null ? file.proposedBy()
				: (String) execution.getVariable(CreditGrantApprovalProcess.REQUESTER);
		CreditDecision decision = decisions.open(customerId, fileId, execution.getProcessInstanceId(), requester,
				requested, chain,
				decisionVersions.describe(execution, "approval-authority") + ": " + ApprovalLevel.describe(chain),
				validUntil == null ? null : LocalDate.parse(validUntil.toString()), file.exceptionCodes(),
				file.exceptionSummary(), customers.get(customerId).isKeyAccount());

		execution.setVariable(CreditGrantApprovalProcess.CREDIT_DECISION_ID, decision.getId());
		execution.setVariable(CreditGrantApprovalProcess.APPROVER_GROUPS,
				new ArrayList<>(chain.stream().map(ApprovalLevel::approverGroup).toList()));
		execution.setVariable(CreditGrantApprovalProcess.CHAIN_ENDED, false);
		execution.setVariable(CreditGrantApprovalProcess.AMOUNT_UNDER_REVIEW, decision.getAmountUnderReview().doubleValue());
		execution.setVariable(CreditGrantApprovalProcess.AMOUNT_UNDER_REVIEW_TEXT,
				Money.format(decision.getAmountUnderReview()));
		execution.setVariable("requestedAmountText", Money.format(decision.getRequestedAmount()));
		execution.setVariable("cashOrCollateralText", Money.format(decision.getCashOrCollateralAmount()));
		execution.setVariable(CreditGrantApprovalProcess.CASH_OR_COLLATERAL,
				decision.getCashOrCollateralAmount().doubleValue());

		Customer customer = customers.get(customerId);
		execution.setVariable("customerName", customer.getName());
		execution.setVariable("creditGrade", file.creditGrade());
		execution.setVariable("creditScore", file.creditScore());
		execution.setVariable("suggestedLimit", file.suggestedLimit() == null ? null : file.suggestedLimit().doubleValue());
		execution.setVariable("suggestedLimitText", Money.format(file.suggestedLimit()));
		execution.setVariable("proposalReason", file.proposalReason());
		execution.setVariable("bankInquirySummary", file.bankInquirySummary());
		file.ratioAssessments().forEach(execution::setVariable);
		// the summary band at the top of the approver's form: who asks, for whom, how much against what
		execution.setVariable("requesterName", labels.person(requester));
		execution.setVariable("creditCode", customer.getCreditCode());
		execution.setVariable("region", customer.getRegion());
		execution.setVariable("paymentTermText", file.paymentTermDays() + " 天 days");
		execution.setVariable("monthlyPurchasesText", Money.format(file.expectedMonthlyPurchases()));
		execution.setVariable("openReceivablesText", openReceivablesText(customerId));
		execution.setVariable("currentLimitText", customer.getCreditLimit() == null || customer.getCreditLimit().signum() == 0
				? "无 none" : Money.format(customer.getCreditLimit()) + " (" + customer.getCreditGrade() + ")");
		file.ratioLights().forEach(execution::setVariable);
		// the key-account marker (this morning's 80/20 class) and why the file scored what it did
		execution.setVariable("keyAccountText", !customer.isKeyAccount() ? null
				: "第 " + customer.getKeyAccountRank() + " 名 rank · 近12个月赊销 credit sales, 12 months "
						+ Money.format(customer.getKeyAccountSales()));
		CreditFile scored = investigations.get(fileId);
		execution.setVariable(CreditInvestigationProcess.SCORE_EXPLANATION_TEXT,
				scored.getCreditScore() == null || scored.getRatios().quickRatio() == null ? null
						: explanation.explain(scored).text());
		// the exception marker: what departs from the policy, by how much, and the rep's justification
		execution.setVariable("policyExceptionText", file.exceptionCodes() == null ? null
				: file.exceptionSummary().replace("\n", "；") + "。 理由 Justification: " + file.exceptionJustification());
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
	 * The application belongs to the case that asks: the credit file is the customer's, and was opened by the
	 * calling investigation or re-evaluation. A mismatch is a defect or tampering, never something to approve.
	 */
	private static void checkCase(DelegateExecution execution, long customerId, CreditFileSummary file) {
		DelegateExecution caller = execution.getSuperExecution();
		String callingCase = caller == null ? null : caller.getProcessInstanceId();
		boolean exception = Boolean.TRUE.equals(execution.getVariable(CreditGrantApprovalProcess.POLICY_EXCEPTION));
		if (file.customerId() != customerId
				|| (callingCase != null && !callingCase.equals(file.caseProcessInstanceId()))
				|| exception != (file.exceptionCodes() != null)) {
			throw new IllegalStateException("credit file " + file.creditFileId() + " of customer " + file.customerId()
					+ " (case " + file.caseProcessInstanceId() + ", exceptions " + file.exceptionCodes()
					+ ") does not belong to customer " + customerId + " in case " + callingCase + " (routed as exception: "
					+ exception + ")");
		}
	}

}
