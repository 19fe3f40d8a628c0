package com.creditdesk.system;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The decision versions the engine evaluated in the current command (a person's step, a job), with the decisions they
 * required: a step records on the credit file which versions scored it ({@link DecisionVersions#describe}) from what
 * was evaluated, not from a second lookup of the latest versions, which costs a query per decision and could name a
 * version deployed a moment after the evaluation.
 */
@Component
class EvaluatedDecisions extends AbstractProcessEnginePlugin {

	/** The decisions of one command, by key; the command context opens and closes it. */
	static final class InCommand implements Session {

		private final Map<String, DecisionDefinition> byKey = new HashMap<>();

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	}

	/** The version of {@code key} evaluated in the current command, or null if none was. */
	static DecisionDefinition inThisCommand(String key) {
		InCommand evaluated = current();
		return evaluated == null ? null : evaluated.byKey.get(key);
	}

	/** The current command's record, or null outside the engine's commands (a policy simulation records nothing). */
	private static InCommand current() {
		CommandContext command = Context.getCommandContext();
		return command == null || !command.getSessionFactories().containsKey(InCommand.class) ? null
				: command.getSession(InCommand.class);
	}

	private static final DmnDecisionEvaluationListener RECORD = (DmnDecisionEvaluationEvent event) -> {
		InCommand evaluated = current();
		if (evaluated == null) {
			return;
		}
		record(evaluated, event.getDecisionResult());
		event.getRequiredDecisionResults().forEach(required -> record(evaluated, required));
	};

	private static void record(InCommand evaluated, DmnDecisionLogicEvaluationEvent result) {
		DmnDecision decision = result.getDecision();
		if (decision instanceof DecisionDefinition definition) {
			evaluated.byKey.put(definition.getKey(), definition);
		}
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		DefaultDmnEngineConfiguration dmn = FeelExpressionCache.dmnEngineConfiguration(configuration);
		List<DmnDecisionEvaluationListener> listeners = new ArrayList<>(dmn.getCustomPostDecisionEvaluationListeners());
		listeners.add(RECORD);
		dmn.customPostDecisionEvaluationListeners(listeners);

		List<SessionFactory> sessions = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomSessionFactories());
		sessions.add(new SessionFactory() {

			@Override
			public Class<?> getSessionType() {
				return InCommand.class;
			}

			@Override
			public Session openSession() {
				return new InCommand();
			}

		});
		configuration.setCustomSessionFactories(sessions);
	}

}
