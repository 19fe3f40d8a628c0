package com.creditdesk.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When {@code credit-grant-approval} starts, reads the application it decides from the credit file the caller named:
 * the customer, the amount under decision ({@code proposedLimit}, the authority matrix's input), whether it is a
 * policy exception, and who submitted it. Whatever a caller passed under these names (older process versions mapped
 * them by name) is replaced, so the chain is always determined on the file. They are values for the start's own
 * authority decision ({@code setForStep}); the decision record keeps them from there on.
 */
@Component
class LoadApplicationListener implements ExecutionListener {

	private final CreditApplications applications;

	LoadApplicationListener(CreditApplications applications) {
		this.applications = applications;
	}

	@Override
	public void notify(DelegateExecution execution) {
		CreditApplication application = applications
			.application(CreditGrantApprovalProcess.CREDIT_FILE_ID.require(execution));
		CreditGrantApprovalProcess.CUSTOMER_ID.setForStep(execution, application.customerId());
		CreditGrantApprovalProcess.PROPOSED_LIMIT.setForStep(execution, application.amount());
		CreditGrantApprovalProcess.POLICY_EXCEPTION.setForStep(execution, application.policyException());
		CreditGrantApprovalProcess.REQUESTER.setForStep(execution, application.requester());
	}

}
