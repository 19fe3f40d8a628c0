package com.creditdesk.collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * Whether a case's write-off proposal already waits for approval, read from the running case's own execution tree
 * (in memory, so it also sees an approval opened earlier in the same transaction). A case has at most one open
 * approval: a second proposal joins it ({@code Gateway_WriteOffToApprove}), another action withdraws it.
 */
@Component("writeOffApprovals")
public class WriteOffApprovals {

	public boolean awaiting(DelegateExecution execution) {
		return awaiting((ExecutionEntity) execution.getProcessInstance());
	}

	private static boolean awaiting(ExecutionEntity scope) {
		for (ExecutionEntity child : scope.getExecutions()) {
			if (OverdueCollectionProcess.APPROVE_WRITE_OFF.equals(child.getActivityId()) || awaiting(child)) {
				return true;
			}
		}
		return false;
	}

}
