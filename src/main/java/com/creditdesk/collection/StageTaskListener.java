package com.creditdesk.collection;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.creditdesk.customer.CustomerService;

/**
 * The stage task of a stage with action {@code TASK} (UserTask_WorkStageTask): on creation it takes its name, its
 * group (or the customer's rep, from our tables) and its instructions from the stage's row of
 * {@link CollectionStages}, never from a variable a user could have written. Also gives the BPMN the list of stage
 * codes to open a task for ({@code ${stageTaskListener.codes(stageTasks)}}).
 */
@Component("stageTaskListener")
public class StageTaskListener implements TaskListener {

	private final CollectionStages stages;

	private final CollectionService collections;

	private final CustomerService customers;

	StageTaskListener(CollectionStages stages, CollectionService collections, CustomerService customers) {
		this.stages = stages;
		this.collections = collections;
		this.customers = customers;
	}

	/** The stage codes of the {@code stageTasks} variable, each checked against the table. */
	public List<String> codes(String stageTasks) {
		return stages.codes(stageTasks);
	}

	@Override
	public void notify(DelegateTask task) {
		if (!EVENTNAME_CREATE.equals(task.getEventName())) {
			return;
		}
		String code = (String) task.getVariable(OverdueCollectionProcess.STAGE_TASK);
		CollectionStages.Stage stage = stages.stage(code);
		task.setName(stage.task() + ": " + task.getVariable(OverdueCollectionProcess.CUSTOMER_NAME));
		String group = stages.candidateGroup(code);
		if (group != null) {
			task.addCandidateGroup(group);
		}
		else {
			long customerId = collections.get(OverdueCollectionProcess.caseId(task)).getCustomerId();
			task.setAssignee(customers.get(customerId).getResponsibleRep());
		}
		task.setVariableLocal(OverdueCollectionProcess.STAGE_TASK_TEXT,
				stage.instructions() == null || stage.instructions().isBlank() ? stage.task() : stage.instructions());
	}

}
