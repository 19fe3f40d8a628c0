package com.creditdesk.investigation;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.creditdesk.approval.CreditDecision;
import com.creditdesk.approval.CreditDecisionService;
import com.creditdesk.approval.CreditGrantApprovalCall;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.system.Money;
import com.creditdesk.system.SharedProcessStep;

/** Records the approved limit, grade, validity and next review date on the customer, who becomes active. */
@SharedProcessStep
@Component
class GrantCreditLimitDelegate implements JavaDelegate {

	private final CustomerService customers;

	private final CreditInvestigationService investigations;

	private final CreditDecisionService decisions;

	GrantCreditLimitDelegate(CustomerService customers, CreditInvestigationService investigations,
			CreditDecisionService decisions) {
		this.decisions = decisions;
		this.customers = customers;
		this.investigations = investigations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// what was granted, for how long: from the decision record of this case's credit file
		long fileId = CreditInvestigationProcess.creditFileId(execution);
		CreditDecision decision = decisions.get(CreditGrantApprovalCall.result(execution).creditDecisionId());
		long customerId = CreditInvestigationProcess.customerId(execution);
		if (decision.getCreditFileId() != fileId || decision.getCustomerId() != customerId) {
			throw new IllegalStateException("credit decision " + decision.getId() + " decided credit file "
					+ decision.getCreditFileId() + " of customer " + decision.getCustomerId() + ", not this case's file "
					+ fileId + " of customer " + customerId);
		}
		BigDecimal approved = decision.getApprovedAmount();
		LocalDate validUntil = decision.getValidUntil() != null ? decision.getValidUntil()
				: CreditGrantApprovalCall.limitValidUntil(execution);
		String grade = CreditInvestigationProcess.text(execution, CreditInvestigationProcess.CREDIT_GRADE);
		LocalDate nextReview = LocalDate
			.parse(CreditInvestigationProcess.text(execution, CreditInvestigationProcess.NEXT_REVIEW_DATE));
		customers.grantLimit(customerId, approved, grade, validUntil, nextReview,
				decision.getId());
		investigations.close(fileId, CreditFileStatus.APPROVED, "Limit of " + Money.format(approved)
				+ " granted until " + validUntil + " (credit decision " + decision.getId() + ")");
	}

}
