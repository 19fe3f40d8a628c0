package com.creditdesk.review;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.creditdesk.approval.CreditGrantApprovalCall;
import com.creditdesk.customer.CustomerService;
import com.creditdesk.investigation.CreditFileStatus;
import com.creditdesk.investigation.CreditInvestigationProcess;
import com.creditdesk.investigation.CreditInvestigationService;

/**
 * The approvers rejected the proposed change: the customer keeps its current limit; the new grade and the next
 * review date still apply.
 */
@Component
class KeepCurrentLimitDelegate implements JavaDelegate {

	private final CustomerService customers;

	private final CreditInvestigationService investigations;

	KeepCurrentLimitDelegate(CustomerService customers, CreditInvestigationService investigations) {
		this.customers = customers;
		this.investigations = investigations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		customers.regrade(CreditInvestigationProcess.customerId(execution),
				CreditInvestigationProcess.text(execution, CreditInvestigationProcess.CREDIT_GRADE), LocalDate
					.parse(CreditInvestigationProcess.text(execution, CreditInvestigationProcess.NEXT_REVIEW_DATE)));
		investigations.close(CreditInvestigationProcess.creditFileId(execution), CreditFileStatus.REJECTED,
				"Change rejected, current limit kept: " + CreditGrantApprovalCall.result(execution).rejectionReason());
	}

}
