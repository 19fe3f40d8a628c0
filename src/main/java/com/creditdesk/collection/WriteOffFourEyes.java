package com.creditdesk.collection;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import com.creditdesk.system.FourEyesRule;

/**
 * Four eyes on the write-off approval: whoever proposed the write-off (or reported the debtor vanished) cannot
 * claim, be assigned or complete UserTask_ApproveWriteOff. (The task listener checks again, as a second line.)
 */
@Component
class WriteOffFourEyes implements FourEyesRule {

	private final CollectionService collections;

	private final WriteOffService writeOffs;

	WriteOffFourEyes(CollectionService collections, WriteOffService writeOffs) {
		this.collections = collections;
		this.writeOffs = writeOffs;
	}

	@Override
	public String taskDefinitionKey() {
		return OverdueCollectionProcess.APPROVE_WRITE_OFF;
	}

	@Override
	public void check(VariableScope task, String userId) {
		if (task.getVariable(OverdueCollectionProcess.CASE_ID) instanceof Number id) {
			writeOffs.checkMayApproveWriteOff(collections.get(id.longValue()), userId);
		}
	}

}
