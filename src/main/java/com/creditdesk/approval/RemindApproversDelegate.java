package com.creditdesk.approval;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.creditdesk.notification.Notifications;

/**
 * The due date passed: the waiting approval moves to the top of the group's Tasklist (high priority) with a
 * reminder note on the task.
 */
@Component
class RemindApproversDelegate implements JavaDelegate {

	static final int OVERDUE_PRIORITY = 80;

	private static final Logger log = LoggerFactory.getLogger(RemindApproversDelegate.class);

	private final Notifications notifications;

	private final ApprovalPolicy policy;

	RemindApproversDelegate(Notifications notifications, ApprovalPolicy policy) {
		this.notifications = notifications;
		this.policy = policy;
	}

	@Override
	public void execute(DelegateExecution execution) {
		TaskService tasks = execution.getProcessEngineServices().getTaskService();
		String group = (String) execution.getVariable(CreditGrantApprovalProcess.APPROVER_GROUP);
		for (Task task : waitingApprovals(tasks, execution)) {
			tasks.setPriority(task.getId(), OVERDUE_PRIORITY);
			tasks.createComment(task.getId(), execution.getProcessInstanceId(),
					"Reminder: this approval was due " + task.getDueDate() + "; group " + group + " please decide.");
			// by mail too: the group's members, or the one who claimed it
			Map<String, Object> model = Map.of("taskName", task.getName(), "dueDate", task.getDueDate() == null ? "-"
					: java.time.LocalDate.ofInstant(task.getDueDate().toInstant(), java.time.ZoneId.systemDefault()).toString(),
					"link", notifications.taskLink(task.getId()), "escalateAfter", policy.escalationDuration());
			if (task.getAssignee() != null) {
				notifications.toUsers(List.of(task.getAssignee()), null, "approval-reminder", model, "task:" + task.getId(), true);
			}
			else {
				notifications.toGroup(group, null, "approval-reminder", model, "task:" + task.getId(), true);
			}
			log.info("Reminded group {} of overdue approval task {}", group, task.getId());
		}
	}

	static java.util.List<Task> waitingApprovals(TaskService tasks, DelegateExecution execution) {
		return tasks.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(CreditGrantApprovalProcess.APPROVE_TASK)
			.active()
			.list();
	}

}
