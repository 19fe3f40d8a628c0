package com.creditdesk.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Says which version of a decision a process uses, and evaluates it. The business rule tasks bind their decisions
 * with {@code decisionRefBinding="latest"}: the policy in force is the latest deployed version of each decision, which
 * the policy workbench's {@code policy-change} process replaces without a release. A credit file records the versions
 * that scored it, so what was decided earlier stays explained by the version that decided it.
 */
@Component
public class DecisionVersions {

	private final RepositoryService repository;

	DecisionVersions(RepositoryService repository) {
		this.repository = repository;
	}

	/**
	 * e.g. "credit-grade v3 (credit-grade:3:abc), credit-score v3 (credit-score:3:def)": the version the step evaluated
	 * (in this command), else the one in force.
	 */
	public String describe(DelegateExecution execution, String... decisionKeys) {
		List<String> versions = new ArrayList<>();
		for (String key : decisionKeys) {
			DecisionDefinition evaluated = EvaluatedDecisions.inThisCommand(key);
			DecisionDefinition definition = evaluated != null ? evaluated : inForce(execution, key);
			versions.add(definition == null ? key + " (not deployed)"
					: key + " v" + definition.getVersion() + " (" + definition.getId() + ")");
		}
		return String.join(", ", versions);
	}

	/**
	 * Evaluates the decision {@code key} in force (its latest version) on {@code variables}, as the system (the person whose step runs it needs no rights on
	 * decisions): the result rows.
	 */
	public java.util.List<java.util.Map<String, Object>> evaluate(DelegateExecution execution, String key,
			java.util.Map<String, Object> variables) {
		DecisionDefinition inForce = inForce(execution, key);
		String definitionId = inForce.getId();
		return SystemActions.asSystem(execution.getProcessEngineServices().getIdentityService(),
				() -> execution.getProcessEngineServices()
					.getDecisionService()
					.evaluateDecisionById(definitionId)
					.variables(variables)
					.evaluate()
					.getResultList());
	}

	/** The latest version of the decision {@code key}, read as the system, or null when none is deployed. */
	private DecisionDefinition inForce(DelegateExecution execution, String key) {
		return SystemActions.asSystem(execution.getProcessEngineServices().getIdentityService(),
				() -> repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult());
	}

}
