package com.creditdesk.approval;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The due date passed: the waiting approval moves to the top of the group's Tasklist (high priority) with a
 * reminder note on the task.
 */
@Component
class RemindApproversDelegate implements JavaDelegate {

	static final int OVERDUE_PRIORITY = 80;

	private static final Logger log = LoggerFactory.getLogger(RemindApproversDelegate.class);

	@Override
	public void execute(DelegateExecution execution) {
		TaskService tasks = execution.getProcessEngineServices().getTaskService();
		String group = (String) execution.getVariable(CreditGrantApprovalProcess.APPROVER_GROUP);
		for (Task task : waitingApprovals(tasks, execution)) {
			tasks.setPriority(task.getId(), OVERDUE_PRIORITY);
			tasks.createComment(task.getId(), execution.getProcessInstanceId(),
					"Reminder: this approval was due " + task.getDueDate() + "; group " + group + " please decide.");
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
