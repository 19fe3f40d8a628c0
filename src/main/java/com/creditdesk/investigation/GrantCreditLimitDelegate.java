package com.creditdesk.investigation;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.creditdesk.customer.CustomerService;
import com.creditdesk.system.Money;

/** Records the approved limit, grade, validity and next review date on the customer, who becomes active. */
@Component
class GrantCreditLimitDelegate implements JavaDelegate {

	private final CustomerService customers;

	private final CreditInvestigationService investigations;

	GrantCreditLimitDelegate(CustomerService customers, CreditInvestigationService investigations) {
		this.customers = customers;
		this.investigations = investigations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		BigDecimal approved = Money.of(execution.getVariable(CreditInvestigationProcess.APPROVED_AMOUNT));
		String grade = CreditInvestigationProcess.text(execution, CreditInvestigationProcess.CREDIT_GRADE);
		LocalDate validUntil = LocalDate
			.parse(CreditInvestigationProcess.text(execution, CreditInvestigationProcess.LIMIT_VALID_UNTIL));
		LocalDate nextReview = LocalDate
			.parse(CreditInvestigationProcess.text(execution, CreditInvestigationProcess.NEXT_REVIEW_DATE));
		Object decisionId = execution.getVariable(CreditInvestigationProcess.CREDIT_DECISION_ID);
		customers.grantLimit(CreditInvestigationProcess.customerId(execution), approved, grade, validUntil, nextReview,
				decisionId instanceof Number id ? id.longValue() : null);
		investigations.close(CreditInvestigationProcess.creditFileId(execution), CreditFileStatus.APPROVED,
				"Limit of " + Money.format(approved) + " granted until " + validUntil + " (credit decision "
						+ execution.getVariable(CreditInvestigationProcess.CREDIT_DECISION_ID) + ")");
	}

}
