package com.creditdesk.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.creditdesk.approval.CreditGrantApprovalCall;
import com.creditdesk.approval.CreditDecision;
import com.creditdesk.approval.CreditDecisionService;
import com.creditdesk.system.FourEyesViolation;
import com.creditdesk.investigation.CreditInvestigationProcess;
import com.creditdesk.system.Messages;
import com.creditdesk.system.Money;
import com.creditdesk.system.SystemActions;
import com.creditdesk.system.UserInput;

/**
 * The customer manager's answer to a review that keeps the current limit: confirmed (that is the credit decision)
 * or sent back to the rep with a remark.
 */
@Component
class RecordConfirmationDelegate implements JavaDelegate {

	private final CreditDecisionService decisions;

	RecordConfirmationDelegate(CreditDecisionService decisions) {
		this.decisions = decisions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String choice = CreditInvestigationProcess.text(execution, CreditReevaluationProcess.CONFIRMATION_DECISION);
		String comment = CreditInvestigationProcess.text(execution, CreditReevaluationProcess.MANAGER_COMMENT);
		execution.removeVariable(CreditReevaluationProcess.CONFIRMATION_DECISION);
		if ("SEND_BACK".equals(choice)) {
			if (comment == null) {
				String message = Messages.text("review.sendBackReasonMissing");
				throw UserInput.rejection(message, Map.of(CreditReevaluationProcess.MANAGER_COMMENT, message));
			}
			execution.setVariable(CreditReevaluationProcess.LIMIT_CONFIRMED, false);
			return;
		}
		if (!"CONFIRM".equals(choice)) {
			String message = Messages.text("review.confirmationMissing");
			throw UserInput.rejection(message, Map.of(CreditReevaluationProcess.CONFIRMATION_DECISION, message));
		}
		String confirmer = SystemActions.authenticatedUser(execution.getProcessEngineServices().getIdentityService())
			.orElse(null);
		BigDecimal limit = CreditReevaluationProcess.PREVIOUS_LIMIT.require(execution);
		CreditDecision decision;
		try {
			decision = decisions.recordConfirmation(CreditInvestigationProcess.customerId(execution),
					CreditInvestigationProcess.creditFileId(execution), execution.getProcessInstanceId(),
					CreditInvestigationProcess.text(execution, CreditInvestigationProcess.REQUESTER), limit, confirmer,
					comment, CreditGrantApprovalCall.limitValidUntil(execution));
		}
		catch (FourEyesViolation e) {
			throw new AuthorizationException(e.getMessage());
		}
		execution.setVariable(CreditReevaluationProcess.LIMIT_CONFIRMED, true);
		CreditGrantApprovalCall.decidedWithoutCall(execution, decision);
	}

}
