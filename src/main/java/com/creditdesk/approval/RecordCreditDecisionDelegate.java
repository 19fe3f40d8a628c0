package com.creditdesk.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the credit decision and hands its outcome back to the calling process. */
@Component
class RecordCreditDecisionDelegate implements JavaDelegate {

	private final CreditDecisionService decisions;

	RecordCreditDecisionDelegate(CreditDecisionService decisions) {
		this.decisions = decisions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		CreditDecision decision = decisions.finish(CreditGrantApprovalProcess.creditDecisionId(execution));
		CreditGrantApprovalProcess.OUTCOME.set(execution, decision.getOutcome().name());
		CreditGrantApprovalProcess.APPROVED_AMOUNT.set(execution, decision.getApprovedAmount());
		decision.getSteps()
			.stream()
			.filter(step -> step.getDecision() == StepDecision.REJECT)
			.findFirst()
			.ifPresent(step -> CreditGrantApprovalProcess.REJECTION_REASON.set(execution,
					step.getComment() + " (" + step.getApprover() + ", " + step.getApproverGroup() + ")"));
	}

}
