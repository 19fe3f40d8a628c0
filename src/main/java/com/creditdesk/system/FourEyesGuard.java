package com.creditdesk.system;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one four-eyes mechanism: every {@link FourEyesRule} bean, enforced inside every engine command before a claim,
 * an assignment, a variable write or a completion of the task it guards runs ({@link TaskCommandGuard}). A
 * refusal is an {@link AuthorizationException}: Tasklist and {@code engine-rest} answer 403 with the reason.
 * The rules are looked up on first use (they need services that need the engine this plugin configures).
 */
@Component
class FourEyesGuard extends AbstractProcessEnginePlugin {

	private final ObjectProvider<FourEyesRule> rules;

	private volatile Map<String, FourEyesRule> byTask;

	FourEyesGuard(ObjectProvider<FourEyesRule> rules) {
		this.rules = rules;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		TaskCommandGuard.register(configuration, new TaskCommandGuard() {

			@Override
			protected void check(TaskEntity task, String userId) {
				FourEyesRule rule = rules().get(task.getTaskDefinitionKey());
				if (rule == null) {
					return;
				}
				try {
					rule.check(task, userId);
				}
				catch (FourEyesViolation e) {
					throw new AuthorizationException(e.getMessage());
				}
			}

		});
	}

	/** Task definition key → its rule; two rules for one task are a programming error. */
	Map<String, FourEyesRule> rules() {
		Map<String, FourEyesRule> known = byTask;
		if (known == null) {
			Map<String, FourEyesRule> found = new HashMap<>();
			rules.orderedStream().forEach(rule -> {
				if (found.put(rule.taskDefinitionKey(), rule) != null) {
					throw new IllegalStateException("Two four-eyes rules guard " + rule.taskDefinitionKey());
				}
			});
			byTask = known = Map.copyOf(found);
		}
		return known;
	}

}
