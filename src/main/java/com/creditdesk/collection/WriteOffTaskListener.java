package com.creditdesk.collection;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.creditdesk.system.FourEyesViolation;
import com.creditdesk.system.Messages;

/**
 * Four eyes on the write-off approval (UserTask_ApproveWriteOff): whoever proposed the write-off (or reported the
 * customer vanished) can neither claim nor complete it. Refusals are {@link AuthorizationException}s, which
 * Tasklist and {@code engine-rest} show as 403 with the reason. On completion the approver is remembered.
 */
@Component
class WriteOffTaskListener implements TaskListener {

	static final String DECIDED_BY = "writeOffDecidedBy";

	private final CollectionService collections;

	private final WriteOffService writeOffs;

	WriteOffTaskListener(CollectionService collections, WriteOffService writeOffs) {
		this.collections = collections;
		this.writeOffs = writeOffs;
	}

	@Override
	public void notify(DelegateTask task) {
		String user = switch (task.getEventName()) {
			case EVENTNAME_ASSIGNMENT -> task.getAssignee();
			case EVENTNAME_COMPLETE -> OverdueCollectionProcess.actor(task, task.getAssignee());
			default -> null;
		};
		if (user == null) {
			if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
				throw new AuthorizationException(Messages.text("collection.claimWriteOffFirst"));
			}
			return;
		}
		try {
			writeOffs.checkMayApproveWriteOff(collections.get(OverdueCollectionProcess.caseId(task)), user);
		}
		catch (FourEyesViolation e) {
			throw new AuthorizationException(e.getMessage());
		}
		if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			task.getExecution().setVariable(DECIDED_BY, user);
		}
	}

}
