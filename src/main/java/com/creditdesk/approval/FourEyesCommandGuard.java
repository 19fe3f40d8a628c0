package com.creditdesk.approval;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

import com.creditdesk.system.TaskCommandGuard;
import com.creditdesk.system.UserStepGuard;

/**
 * Four eyes on the credit-grant approval, checked inside the engine before a claim, an assignment or a completion
 * runs: the requester never gets or completes the approval of their own request, nobody decides twice in one
 * chain, and only members of the level's group (as recorded with the credit decision, or the group it was
 * escalated to) take or decide it. (The task listener checks again, as a second line.)
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
		Object index = task.getVariable("loopCounter");
		if (decisionId instanceof Number id) {
			try {
				decisions.checkMayDecide(id.longValue(), userId);
				if (index instanceof Number level) {
					decisions.checkDecidingGroup(id.longValue(), level.intValue(), userId,
							UserStepGuard.groupsOf(Context.getCommandContext(), userId));
				}
			}
			catch (FourEyesViolation e) {
				throw new AuthorizationException(e.getMessage());
			}
		}
	}

}
