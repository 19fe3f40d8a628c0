package com.creditdesk.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.creditdesk.system.EveryUserTask;
import com.creditdesk.system.SystemActions;

/**
 * Every user task of every process tells the people who should work it, by mail, when it is created: its assignee,
 * or else the members of its candidate groups (an approval landing in a tier's group, a collection task for the
 * rep, a write-off for the regional managers). The person whose step created it (the signed-in user) is not told
 * about their own next step. The mail names the task (which carries the customer, amount, grade and the exception
 * marker), the process, the due date and a link that opens the task in Tasklist; a digest chooser gets it in the
 * daily digest instead.
 */
@Component
class TaskMailPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<Notifications> notifications;

	TaskMailPlugin(ObjectProvider<Notifications> notifications) {
		this.notifications = notifications;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EveryUserTask.listen(configuration, TaskListener.EVENTNAME_CREATE, this::taskCreated, true);
	}

	private void taskCreated(DelegateTask task) {
		Notifications mail = notifications.getObject();
		if (!mail.enabled()) {
			return;
		}
		String actor = SystemActions.authenticatedUser(task.getProcessEngineServices().getIdentityService()).orElse(null);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("taskName", task.getName());
		model.put("processName", task.getProcessEngineServices().getRepositoryService()
			.getProcessDefinition(task.getProcessDefinitionId()).getName());
		model.put("customerName", task.getVariable("customerName"));
		model.put("dueDate", task.getDueDate() == null ? null
				: java.time.LocalDate.ofInstant(task.getDueDate().toInstant(), java.time.ZoneId.systemDefault()).toString());
		model.put("link", mail.taskLink(task.getId()));
		String about = "task:" + task.getId();
		if (task.getAssignee() != null) {
			mail.toUsers(List.of(task.getAssignee()), actor, "task-waiting", model, about, true);
			return;
		}
		List<String> groups = new ArrayList<>();
		List<String> users = new ArrayList<>();
		for (IdentityLink candidate : task.getCandidates()) {
			if (IdentityLinkType.CANDIDATE.equals(candidate.getType()) && candidate.getGroupId() != null) {
				groups.add(candidate.getGroupId());
			}
			else if (IdentityLinkType.CANDIDATE.equals(candidate.getType()) && candidate.getUserId() != null) {
				users.add(candidate.getUserId());
			}
		}
		mail.toPeople(groups, users, actor, "task-waiting", model, about, true);
	}

}
