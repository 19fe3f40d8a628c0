package com.creditdesk.approval;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

import com.creditdesk.system.FourEyesRule;
import com.creditdesk.system.UserStepGuard;

/**
 * Four eyes on the credit-grant approval: the requester never gets or completes the approval of their own request,
 * nobody decides twice in one chain, and only members of the level's group (as recorded with the credit decision,
 * or the group it was escalated to) take or decide it. (The task listener checks again, as a second line.)
 */
@Component
class ApprovalFourEyes implements FourEyesRule {

	private final CreditDecisionService decisions;

	ApprovalFourEyes(CreditDecisionService decisions) {
		this.decisions = decisions;
	}

	@Override
	public String taskDefinitionKey() {
		return CreditGrantApprovalProcess.APPROVE_TASK;
	}

	@Override
	public void check(VariableScope task, String userId) {
		Long decisionId = CreditGrantApprovalProcess.CREDIT_DECISION_ID.get(task);
		Object index = task.getVariable(CreditGrantApprovalProcess.LOOP_COUNTER);
		if (decisionId != null) {
			decisions.checkMayDecide(decisionId, userId);
			if (index instanceof Number level) {
				decisions.checkDecidingGroup(decisionId, level.intValue(), userId,
						UserStepGuard.groupsOf(Context.getCommandContext(), userId));
			}
		}
	}

}
