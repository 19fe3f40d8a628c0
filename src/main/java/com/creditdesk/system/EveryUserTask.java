package com.creditdesk.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Registers a task listener on every user task of every deployed process (from an engine plugin's preInit). */
public final class EveryUserTask {

	private EveryUserTask() {
	}

	/**
	 * Adds {@code listener} for {@code event} (e.g. {@link TaskListener#EVENTNAME_CREATE}) to every user task: before
	 * the model's own task listeners, or after them ({@code afterModelListeners}).
	 */
	public static void listen(ProcessEngineConfigurationImpl configuration, String event, TaskListener listener,
			boolean afterModelListeners) {
		List<BpmnParseListener> existing = afterModelListeners ? configuration.getCustomPostBPMNParseListeners()
				: configuration.getCustomPreBPMNParseListeners();
		List<BpmnParseListener> listeners = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
					userTask.getTaskDefinition().addTaskListener(event, listener);
				}
			}
		});
		if (afterModelListeners) {
			configuration.setCustomPostBPMNParseListeners(listeners);
		}
		else {
			configuration.setCustomPreBPMNParseListeners(listeners);
		}
	}

}
