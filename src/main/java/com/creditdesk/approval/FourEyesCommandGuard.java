package com.creditdesk.approval;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

import com.creditdesk.system.TaskCommandGuard;

/**
 * Four eyes on the credit-grant approval, checked inside the engine before a claim, an assignment or a completion
 * runs: the requester never gets or completes the approval of their own request, and nobody decides twice in one
 * chain. (The task listener checks again, as a second line.)
 */
class FourEyesCommandGuard extends TaskCommandGuard {

	private final CreditDecisionService decisions;

	FourEyesCommandGuard(CreditDecisionService decisions) {
		this.decisions = decisions;
	}

	@Override
	protected void check(TaskEntity task, String userId) {
		if (!CreditGrantApprovalProcess.APPROVE_TASK.equals(task.getTaskDefinitionKey())) {
			return;
		}
		Object decisionId = task.getVariable(CreditGrantApprovalProcess.CREDIT_DECISION_ID);
		if (decisionId instanceof Number id) {
			try {
				decisions.checkMayDecide(id.longValue(), userId);
			}
			catch (FourEyesViolation e) {
				throw new AuthorizationException(e.getMessage());
			}
		}
	}

}
