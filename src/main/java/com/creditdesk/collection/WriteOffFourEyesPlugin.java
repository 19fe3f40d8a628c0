package com.creditdesk.collection;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import com.creditdesk.approval.FourEyesViolation;
import com.creditdesk.system.TaskCommandGuard;

/**
 * Four eyes on the write-off approval, inside every engine command: whoever proposed the write-off (or reported
 * the debtor vanished) cannot claim, be assigned or complete UserTask_ApproveWriteOff. (The task listener checks
 * again, as a second line.)
 */
@Component
class WriteOffFourEyesPlugin extends AbstractProcessEnginePlugin {

	private final CollectionService collections;

	WriteOffFourEyesPlugin(@Lazy CollectionService collections) {
		this.collections = collections;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		TaskCommandGuard.register(configuration, new TaskCommandGuard() {

			@Override
			protected void check(TaskEntity task, String userId) {
				if (!OverdueCollectionProcess.APPROVE_WRITE_OFF.equals(task.getTaskDefinitionKey())) {
					return;
				}
				Object caseId = task.getVariable(OverdueCollectionProcess.CASE_ID);
				if (caseId instanceof Number id) {
					try {
						collections.checkMayApproveWriteOff(collections.get(id.longValue()), userId);
					}
					catch (FourEyesViolation e) {
						throw new AuthorizationException(e.getMessage());
					}
				}
			}

		});
	}

}
