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
		execution.setVariable(CreditGrantApprovalProcess.OUTCOME, decision.getOutcome().name());
		execution.setVariable(CreditGrantApprovalProcess.APPROVED_AMOUNT, decision.getApprovedAmount().doubleValue());
		execution.setVariable(CreditGrantApprovalProcess.CASH_OR_COLLATERAL,
				decision.getCashOrCollateralAmount().doubleValue());
		decision.getSteps()
			.stream()
			.filter(step -> step.getDecision() == StepDecision.REJECT)
			.findFirst()
			.ifPresent(step -> execution.setVariable(CreditGrantApprovalProcess.REJECTION_REASON,
					step.getComment() + " (" + step.getApprover() + ", " + step.getApproverGroup() + ")"));
	}

}
