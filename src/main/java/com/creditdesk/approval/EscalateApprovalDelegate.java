package com.creditdesk.approval;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.creditdesk.identity.ApprovalTiers;
import com.creditdesk.notification.Notifications;

/**
 * An approval has waited too long: it moves to the next level's group (the top level's to the credit
 * administrators), unclaimed, with a note saying why. The four-eyes rules still apply.
 */
@Component
class EscalateApprovalDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(EscalateApprovalDelegate.class);

	private final ApprovalPolicy policy;

	private final CreditDecisionService decisions;

	private final Notifications notifications;

	private final ApprovalTiers tiers;

	EscalateApprovalDelegate(ApprovalPolicy policy, CreditDecisionService decisions, Notifications notifications,
			ApprovalTiers tiers) {
		this.policy = policy;
		this.decisions = decisions;
		this.notifications = notifications;
		this.tiers = tiers;
	}

	@Override
	public void execute(DelegateExecution execution) {
		TaskService tasks = execution.getProcessEngineServices().getTaskService();
		int index = ApprovalTaskListener.loopCounter(execution);
		String group = ApprovalTaskListener.recordedChain(decisions, execution).get(index).approverGroup();
		String target = policy.escalationGroup(group);
		decisions.recordEscalation(CreditGrantApprovalProcess.creditDecisionId(execution), index, target);
		for (Task task : RemindApproversDelegate.waitingApprovals(tasks, execution)) {
			if (task.getAssignee() != null) {
				tasks.setAssignee(task.getId(), null);
			}
			tasks.deleteCandidateGroup(task.getId(), group);
			tasks.addCandidateGroup(task.getId(), target);
			tasks.setPriority(task.getId(), 90);
			tasks.createComment(task.getId(), execution.getProcessInstanceId(),
					"Escalated from " + group + " to " + target + ": no decision within "
							+ policy.escalationDuration() + ".");
			// an escalation is urgent: a mail of its own, never held for a digest
			notifications.toGroup(target, null, "approval-escalated", java.util.Map.of("taskName", task.getName(),
					"fromLevel", tiers.name(group), "toLevel", tiers.name(target), "link",
					notifications.taskLink(task.getId())), "task:" + task.getId(), false);
			log.info("Escalated approval task {} from {} to {}", task.getId(), group, target);
		}
	}

}
