package com.creditdesk.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.creditdesk.system.NotFoundException;
import com.creditdesk.system.Messages;
import com.creditdesk.system.SystemActions;

/**
 * The credit policy's decisions as the workbench offers them: one entry per DMN file of {@code processes/} (the
 * scorecard with its grade, limit and bank-inquiry decisions; the approval authority; review intervals; collection
 * stages; policy exceptions; key-account classes). The file as released is the decision's contract (its decision
 * ids, hit policies, inputs and outputs, see {@link PolicyValidator}); what is live is the latest deployed version,
 * which a policy change replaces.
 */
@Component
public class PolicyCatalog {

	/** Deployments made by the policy-change process are named so, with the candidate's id. */
	static final String DEPLOYMENT_NAME = "policy-change";

	/**
	 * One policy file.
	 * @param key the file name without {@code .dmn}, e.g. {@code credit-scorecard}
	 * @param name what a person reads (the DMN's own name)
	 * @param released the model as released with the application: the contract
	 * @param decisionIds its decisions, in file order
	 */
	public record Policy(String key, String name, DmnModelInstance released, List<String> decisionIds) {

		String resourceName() {
			return key + ".dmn";
		}

	}

	/** The live version of a policy: its first decision's latest definition and the deployment it came with. */
	public record Live(DecisionDefinition definition, Deployment deployment) {

		public int version() {
			return definition.getVersion();
		}

	}

	private final Map<String, Policy> policies;

	private final RepositoryService repository;

	private final IdentityService identity;

	PolicyCatalog(RepositoryService repository, IdentityService identity) {
		this.repository = repository;
		this.identity = identity;
		this.policies = Collections.unmodifiableMap(load());
	}

	private static Map<String, Policy> load() {
		Map<String, Policy> loaded = new LinkedHashMap<>();
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.dmn");
			java.util.Arrays.sort(files, Comparator.comparing(Resource::getFilename));
			for (Resource file : files) {
				String key = file.getFilename().substring(0, file.getFilename().length() - ".dmn".length());
				try (InputStream in = file.getInputStream()) {
					DmnModelInstance model = Dmn.readModelFromStream(in);
					List<String> ids = model.getModelElementsByType(Decision.class).stream().map(Decision::getId).toList();
					String name = model.getDefinitions().getName();
					loaded.putIfAbsent(key, new Policy(key, name == null ? key : name, model, ids));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return loaded;
	}

	public List<Policy> all() {
		return new ArrayList<>(policies.values());
	}

	public Policy get(String key) {
		Policy policy = policies.get(key);
		if (policy == null) {
			throw new NotFoundException(Messages.text("policy.unknown", key, String.join(", ", policies.keySet())));
		}
		return policy;
	}

	/** The live version (read as the system: the definitions are read for the workbench's own checks). */
	public Live live(Policy policy) {
		return SystemActions.asSystem(identity, () -> {
			DecisionDefinition definition = repository.createDecisionDefinitionQuery()
				.decisionDefinitionKey(policy.decisionIds().get(0))
				.latestVersion()
				.singleResult();
			if (definition == null) {
				throw new NotFoundException(Messages.text("policy.notDeployed", policy.key()));
			}
			Deployment deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
			return new Live(definition, deployment);
		});
	}

	/** The live version's DMN XML. */
	public String liveXml(Policy policy) {
		return xmlOf(live(policy).definition());
	}

	/** The DMN XML of the policy as deployed in the given definition's deployment (an older version). */
	String xmlOf(DecisionDefinition definition) {
		return SystemActions.asSystem(identity, () -> {
			try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

}
