package com.creditdesk.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Says which version of a decision a process instance uses. The business rule tasks bind their decisions with
 * {@code decisionRefBinding="deployment"}: the decision deployed together with the instance's process definition,
 * so a running instance keeps its version when a changed DMN is deployed later.
 */
@Component
public class DecisionVersions {

	private final RepositoryService repository;

	DecisionVersions(RepositoryService repository) {
		this.repository = repository;
	}

	/** e.g. "credit-grade v3 (credit-grade:3:abc), credit-score v3 (credit-score:3:def)". */
	public String describe(DelegateExecution execution, String... decisionKeys) {
		List<String> versions = new ArrayList<>();
		for (String key : decisionKeys) {
			DecisionDefinition definition = deployedWith(execution, key);
			versions.add(definition == null ? key + " (not deployed with the process)"
					: key + " v" + definition.getVersion() + " (" + definition.getId() + ")");
		}
		return String.join(", ", versions);
	}

	/**
	 * Evaluates the decision {@code key} deployed with the instance's process (the latest version if that
	 * deployment has none) on {@code variables}, as the system (the person whose step runs it needs no rights on
	 * decisions): the result rows.
	 */
	public java.util.List<java.util.Map<String, Object>> evaluate(DelegateExecution execution, String key,
			java.util.Map<String, Object> variables) {
		DecisionDefinition deployed = deployedWith(execution, key);
		String definitionId = deployed != null ? deployed.getId()
				: repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult().getId();
		return SystemActions.asSystem(execution.getProcessEngineServices().getIdentityService(),
				() -> execution.getProcessEngineServices()
					.getDecisionService()
					.evaluateDecisionById(definitionId)
					.variables(variables)
					.evaluate()
					.getResultList());
	}

	/** The decision {@code key} of the deployment the instance's process came with, or null. */
	private DecisionDefinition deployedWith(DelegateExecution execution, String key) {
		String deploymentId = repository.getProcessDefinition(execution.getProcessDefinitionId()).getDeploymentId();
		return repository.createDecisionDefinitionQuery().deploymentId(deploymentId).decisionDefinitionKey(key).singleResult();
	}

}
