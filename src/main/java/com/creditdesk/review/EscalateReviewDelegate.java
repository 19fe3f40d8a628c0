package com.creditdesk.review;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import com.creditdesk.identity.Roles;

/** The rep has not updated the review in time: the customer managers see the task too, at high priority. */
@Component
class EscalateReviewDelegate implements JavaDelegate {

	@Override
	public void execute(DelegateExecution execution) {
		TaskService tasks = execution.getProcessEngineServices().getTaskService();
		for (Task task : tasks.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(CreditReevaluationProcess.UPDATE_STATEMENTS)
			.active()
			.list()) {
			tasks.addCandidateGroup(task.getId(), Roles.CUSTOMER_MANAGERS);
			tasks.setPriority(task.getId(), 80);
			tasks.createComment(task.getId(), execution.getProcessInstanceId(), "Escalated to the customer managers: "
					+ "the review was not updated by its due date " + task.getDueDate() + ".");
		}
	}

}
