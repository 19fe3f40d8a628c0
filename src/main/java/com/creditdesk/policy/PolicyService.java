package com.creditdesk.policy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.creditdesk.system.FourEyesViolation;
import com.creditdesk.identity.CurrentUser;
import com.creditdesk.identity.Roles;
import com.creditdesk.system.ForbiddenException;
import com.creditdesk.system.InvalidRequestException;
import com.creditdesk.system.Labels;
import com.creditdesk.system.Messages;
import com.creditdesk.system.NotFoundException;
import com.creditdesk.system.SystemActions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The policy workbench (政策工作台): credit administrators save changed policy decisions as candidates, see them
 * validated, compared rule by rule and simulated on the portfolio, and propose them for deployment; another credit
 * administrator (never the author) approves in the {@code policy-change} process, which then deploys that one
 * decision file as its new version. The processes' business rule tasks use the latest version from then on;
 * credit files already scored keep the versions recorded on them.
 * <p>
 * Longer than 300 lines on purpose: it is the workbench's one transaction boundary (save, simulate, propose,
 * deploy, roll back), each step short.
 */
@Service
public class PolicyService {

	private static final Logger log = LoggerFactory.getLogger(PolicyService.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final int MAX_COMMENT = 2000;

	private final PolicyCatalog catalog;

	private final PolicyValidator validator;

	private final PolicySimulator simulator;

	private final PolicyCandidateRepository candidates;

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final Labels labels;

	PolicyService(PolicyCatalog catalog, PolicyValidator validator, PolicySimulator simulator,
			PolicyCandidateRepository candidates, RepositoryService repository, RuntimeService runtime,
			IdentityService identity, Labels labels) {
		this.catalog = catalog;
		this.validator = validator;
		this.simulator = simulator;
		this.candidates = candidates;
		this.repository = repository;
		this.runtime = runtime;
		this.identity = identity;
		this.labels = labels;
	}

	/** Only credit administrators (and administrators) use the workbench. */
	static void requireAdministrator(CurrentUser user) {
		if (!user.isMemberOf(Roles.CREDIT_ADMINS) && !user.isMemberOf(Roles.CAMUNDA_ADMIN)) {
			throw new ForbiddenException(Messages.text("policy.administratorsOnly"));
		}
	}

	/** The validation stored with a candidate. */
	record Stored(List<PolicyValidator.Violation> violations, PolicyValidator.Cases cases) {
	}

	@Transactional
	public PolicyCandidate save(String policyKey, String xml, String comment, String author) {
		return save(policyKey, xml, comment, author, null);
	}

	/**
	 * @param basedOn the decision definition the editor started from (the live one then); refused when another
	 *        version went live since, so that saving never undoes a change nobody looked at
	 */
	@Transactional
	public PolicyCandidate save(String policyKey, String xml, String comment, String author, String basedOn) {
		PolicyCatalog.Policy policy = catalog.get(policyKey);
		if (comment == null || comment.isBlank()) {
			throw new InvalidRequestException(Messages.text("policy.commentRequired"),
					Map.of("comment", Messages.text("policy.commentRequired")));
		}
		if (comment.length() > MAX_COMMENT) {
			throw new InvalidRequestException(Messages.text("policy.commentTooLong", MAX_COMMENT),
					Map.of("comment", Messages.text("policy.commentTooLong", MAX_COMMENT)));
		}
		if (xml != null && xml.length() > 1_000_000) {
			throw new InvalidRequestException(Messages.text("policy.xmlTooLarge"), Map.of("xml", Messages.text("policy.xmlTooLarge")));
		}
		DmnModelInstance candidate = PolicyValidator.parse(xml);
		PolicyCatalog.Live live = catalog.live(policy);
		if (basedOn != null && !basedOn.isBlank() && !basedOn.equals(live.definition().getId())) {
			throw new com.creditdesk.system.ConflictException(Messages.text("policy.baseChanged", live.version()));
		}
		if (PolicyDiff.between(PolicyValidator.parse(catalog.liveXml(policy)), candidate).isEmpty()) {
			throw new InvalidRequestException(Messages.text("policy.nothingChanged", live.version()),
					Map.of("xml", Messages.text("policy.nothingChanged", live.version())));
		}
		PolicyValidator.Validation validation = validator.validate(policy, xml);
		PolicyCandidate saved = candidates.save(new PolicyCandidate(policyKey, xml, live.definition().getId(),
				live.version(), author, comment.strip(), validation.valid(),
				json(new Stored(validation.violations(), validation.cases()))));
		log.info("Policy candidate #{} of {} saved by {} (valid: {})", saved.getId(), policyKey, author, validation.valid());
		return saved;
	}

	@Transactional(readOnly = true)
	public PolicyCandidate get(long id) {
		return candidates.findById(id).orElseThrow(() -> new NotFoundException(Messages.text("policy.candidateNotFound", id)));
	}

	@Transactional(readOnly = true)
	public List<PolicyCandidate> recent() {
		return candidates.findTop200ByOrderByIdDesc();
	}

	Stored validationOf(PolicyCandidate candidate) {
		try {
			return candidate.getViolations() == null ? new Stored(List.of(), new PolicyValidator.Cases(0, 0, List.of()))
					: JSON.readValue(candidate.getViolations(), Stored.class);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("stored validation of candidate " + candidate.getId() + " unreadable", e);
		}
	}

	/** Rule by rule against the version it was edited from. */
	public List<PolicyDiff.Change> diff(PolicyCandidate candidate) {
		DecisionDefinition base = SystemActions.asSystem(identity,
				() -> repository.createDecisionDefinitionQuery().decisionDefinitionId(candidate.getBasedOnDefinition()).singleResult());
		String before = base != null ? catalog.xmlOf(base) : catalog.liveXml(catalog.get(candidate.getPolicyKey()));
		return PolicyDiff.between(PolicyValidator.parse(before), PolicyValidator.parse(candidate.getXml()));
	}

	/** The candidate on the portfolio beside the live version; remembered in a line for the reviewer. */
	@Transactional
	public PolicySimulator.Simulation simulate(long id) {
		return simulate(id, true);
	}

	/** @param remember keep the figures for the reviewer (only while the candidate is a draft) */
	@Transactional
	public PolicySimulator.Simulation simulate(long id, boolean remember) {
		PolicyCandidate candidate = get(id);
		PolicyCatalog.Policy policy = catalog.get(candidate.getPolicyKey());
		if (!candidate.isValid()) {
			throw new com.creditdesk.system.ConflictException(Messages.text("policy.invalidCannotBeSimulated", id));
		}
		PolicySimulator.Simulation simulation = simulator.simulate(policy.key(), catalog.liveXml(policy),
				candidate.getXml(), catalog.liveXml(catalog.get(PolicySimulator.AUTHORITY)),
				catalog.liveXml(catalog.get(PolicySimulator.REVIEW)));
		if (remember && candidate.getStatus() == PolicyCandidate.Status.DRAFT) {
			candidate.simulated(simulation.summary());
		}
		return simulation;
	}

	/** Starts {@code policy-change} for the candidate: another credit administrator reviews it in Tasklist. */
	@Transactional
	public PolicyCandidate propose(long id, CurrentUser user) {
		PolicyCandidate candidate = get(id);
		if (!candidate.getAuthor().equals(user.id())) {
			throw new ForbiddenException(Messages.text("policy.onlyAuthorProposes", labels.person(candidate.getAuthor())));
		}
		if (candidate.getStatus() == PolicyCandidate.Status.DRAFT && candidate.isValid()
				&& candidate.getSimulationSummary() == null) {
			simulate(id);
		}
		PolicyCatalog.Policy policy = catalog.get(candidate.getPolicyKey());
		Stored validation = validationOf(candidate);
		String summary = Messages.text("policy.reviewSummary", candidate.getBasedOnVersion(), diff(candidate).size(),
				validation.cases().passed(), validation.cases().total(),
				candidate.getSimulationSummary() == null ? "—" : candidate.getSimulationSummary());
		// the status check first (a second proposal is refused before a second process starts)
		candidate.propose("pending");
		ProcessInstance instance = SystemActions.asSystem(identity, () -> runtime.startProcessInstanceByKey(
				PolicyChangeProcess.KEY, "policy-" + id, Variables.createVariables()
					.putValue(PolicyChangeProcess.CANDIDATE_ID, id)
					.putValue(PolicyChangeProcess.TITLE, policy.name() + " #" + id)
					.putValue(PolicyChangeProcess.AUTHOR_NAME, labels.person(candidate.getAuthor()))
					.putValue(PolicyChangeProcess.AUTHOR_COMMENT, candidate.getAuthorComment())
					.putValue(PolicyChangeProcess.SUMMARY, summary)));
		candidate.proposedIn(instance.getId());
		log.info("Policy candidate #{} of {} proposed by {} (process {})", id, policy.key(), user.id(), instance.getId());
		return candidate;
	}

	/** Four eyes: the author never reviews their own candidate. */
	void checkMayReview(long candidateId, String userId) {
		PolicyCandidate candidate = get(candidateId);
		if (candidate.getAuthor().equals(userId)) {
			throw new FourEyesViolation(Messages.text("policy.ownCandidate", labels.person(userId)));
		}
	}

	/**
	 * The reviewer approved: deploys the candidate as the new version of its decision file alone, unless the live
	 * version changed since it was edited (then it is not deployed and says so: edit from the new version).
	 */
	@Transactional
	public PolicyCandidate deploy(long id, String reviewer, String comment) {
		PolicyCandidate candidate = get(id);
		checkMayReview(id, reviewer);
		PolicyCatalog.Policy policy = catalog.get(candidate.getPolicyKey());
		PolicyCatalog.Live live = catalog.live(policy);
		if (!live.definition().getId().equals(candidate.getBasedOnDefinition())) {
			// nothing is deployed and the review stays open: the reviewer rejects, the author edits the new version
			throw new com.creditdesk.system.ConflictException(Messages.text("policy.staleCandidate",
					candidate.getBasedOnVersion(), live.version()));
		}
		DeploymentWithDefinitions deployment = SystemActions.asSystem(identity, () -> repository.createDeployment()
			.name(PolicyCatalog.DEPLOYMENT_NAME)
			.source("policy candidate #" + id + " by " + candidate.getAuthor() + ", approved by " + reviewer)
			.addString(policy.resourceName(), candidate.getXml())
			.deployWithResult());
		// the new definitions are not in the database before this command ends: read them off the deployment
		int version = deployment.getDeployedDecisionDefinitions()
			.stream()
			.filter(definition -> definition.getKey().equals(policy.decisionIds().get(0)))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("deployment " + deployment.getId() + " has no "
					+ policy.decisionIds().get(0)))
			.getVersion();
		if (version != live.version() + 1) {
			// another change went live in the meantime (deployments are serialised): undone with this transaction
			throw new com.creditdesk.system.ConflictException(Messages.text("policy.staleCandidate",
					candidate.getBasedOnVersion(), version - 1));
		}
		candidate.deployed(reviewer, comment, deployment.getId(), version);
		log.info("Policy candidate #{} of {} approved by {} and deployed as v{} (deployment {})", id, policy.key(),
				reviewer, version, deployment.getId());
		return candidate;
	}

	@Transactional
	public PolicyCandidate reject(long id, String reviewer, String comment) {
		PolicyCandidate candidate = get(id);
		checkMayReview(id, reviewer);
		candidate.rejected(reviewer, comment);
		log.info("Policy candidate #{} rejected by {}", id, reviewer);
		return candidate;
	}

	/**
	 * The review process ended without a decision (an administrator deleted it in Cockpit): the candidate is a draft
	 * again and may be proposed anew.
	 */
	@Transactional
	public void reviewEnded(long id) {
		candidates.findById(id).ifPresent(candidate -> {
			if (candidate.getStatus() == PolicyCandidate.Status.PROPOSED) {
				candidate.reviewAbandoned();
				log.warn("Policy candidate #{}: its review process ended without a decision; it is a draft again", id);
			}
		});
	}

	/** A rollback: a new candidate from an older deployed version of the policy, through the same review. */
	@Transactional
	public PolicyCandidate rollback(String policyKey, int version, String comment, String author) {
		PolicyCatalog.Policy policy = catalog.get(policyKey);
		DecisionDefinition older = SystemActions.asSystem(identity, () -> repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(policy.decisionIds().get(0))
			.decisionDefinitionVersion(version)
			.singleResult());
		if (older == null) {
			throw new NotFoundException(Messages.text("policy.versionNotFound", policyKey, version));
		}
		return save(policyKey, catalog.xmlOf(older), comment, author, null);
	}

	private static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

}
