package com.creditdesk.policy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.creditdesk.identity.Roles;
import com.creditdesk.system.ApiAccess;
import com.creditdesk.identity.CurrentUser;
import com.creditdesk.system.Labels;

/**
 * The policy workbench's API (credit administrators): the policy decisions and their live versions, candidates
 * saved from the editor with their validation, the rule-by-rule diff, the portfolio simulation (JSON and CSV), and
 * the proposal that starts the four-eyes {@code policy-change} process.
 */
@RestController
@RequestMapping("/api/policy")
@ApiAccess(roles = { Roles.CREDIT_ADMINS, Roles.CAMUNDA_ADMIN })
class PolicyController {

	private final PolicyService policies;

	private final PolicyCatalog catalog;

	private final Labels labels;

	PolicyController(PolicyService policies, PolicyCatalog catalog, Labels labels) {
		this.policies = policies;
		this.catalog = catalog;
		this.labels = labels;
	}

	record DecisionView(String key, String name, String resourceName, int version, List<String> decisionIds,
			Instant deployedAt, String source) {
	}

	record CandidateView(long id, String policyKey, String policyName, String author, String authorName,
			Instant createdAt, String comment, PolicyCandidate.Status status, String statusName, Integer basedOnVersion,
			boolean valid, List<PolicyValidator.Violation> violations, PolicyValidator.Cases cases,
			String simulationSummary, String reviewer, String reviewerName, Instant reviewedAt, String reviewComment,
			Integer deployedVersion, String processInstanceId) {
	}

	record Overview(List<DecisionView> decisions, List<CandidateView> candidates) {
	}

	/** @param basedOn the decision definition the editor started from ({@code X-Decision-Definition-Id} of the XML) */
	record NewCandidate(String xml, String comment, String basedOn) {
	}

	record Rollback(Integer version, String comment) {
	}

	record DiffView(List<PolicyDiff.Change> changes) {
	}

	@GetMapping
	Overview overview() {
		PolicyService.requireAdministrator(CurrentUser.get());
		List<DecisionView> decisions = catalog.all().stream().map(policy -> {
			PolicyCatalog.Live live = catalog.live(policy);
			return new DecisionView(policy.key(), policy.name(), policy.resourceName(), live.version(),
					policy.decisionIds(), live.deployment() == null ? null : live.deployment().getDeploymentTime().toInstant(),
					live.deployment() == null ? null : source(live));
		}).toList();
		return new Overview(decisions, policies.recent().stream().map(this::view).toList());
	}

	private static String source(PolicyCatalog.Live live) {
		return PolicyCatalog.DEPLOYMENT_NAME.equals(live.deployment().getName())
				? "政策变更 Policy change: " + live.deployment().getSource() : "随应用发布 Released with the application";
	}

	@GetMapping("/{key}/xml")
	ResponseEntity<byte[]> liveXml(@PathVariable String key) {
		PolicyService.requireAdministrator(CurrentUser.get());
		PolicyCatalog.Policy policy = catalog.get(key);
		return xml(catalog.liveXml(policy), policy.resourceName(), catalog.live(policy).definition().getId());
	}

	@PostMapping("/{key}/candidates")
	ResponseEntity<CandidateView> save(@PathVariable String key, @RequestBody NewCandidate body) {
		CurrentUser user = CurrentUser.get();
		PolicyService.requireAdministrator(user);
		PolicyCandidate saved = policies.save(key, body.xml(), body.comment(), user.id(), body.basedOn());
		return ResponseEntity.status(HttpStatus.CREATED).body(view(saved));
	}

	/** A rollback: a candidate from an older version, reviewed like any other. */
	@PostMapping("/{key}/rollbacks")
	ResponseEntity<CandidateView> rollback(@PathVariable String key, @RequestBody Rollback body) {
		CurrentUser user = CurrentUser.get();
		PolicyService.requireAdministrator(user);
		if (body.version() == null || body.version() < 1) {
			throw new com.creditdesk.system.InvalidRequestException(
					com.creditdesk.system.Messages.text("policy.versionRequired"),
					java.util.Map.of("version", com.creditdesk.system.Messages.text("policy.versionRequired")));
		}
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(view(policies.rollback(key, body.version(), body.comment(), user.id())));
	}

	@GetMapping("/candidates/{id}")
	CandidateView candidate(@PathVariable long id) {
		PolicyService.requireAdministrator(CurrentUser.get());
		return view(policies.get(id));
	}

	@GetMapping("/candidates/{id}/xml")
	ResponseEntity<byte[]> candidateXml(@PathVariable long id) {
		PolicyService.requireAdministrator(CurrentUser.get());
		PolicyCandidate candidate = policies.get(id);
		return xml(candidate.getXml(), candidate.getPolicyKey() + "-candidate-" + id + ".dmn",
				candidate.getBasedOnDefinition());
	}

	@GetMapping("/candidates/{id}/diff")
	DiffView diff(@PathVariable long id) {
		PolicyService.requireAdministrator(CurrentUser.get());
		return new DiffView(policies.diff(policies.get(id)));
	}

	@PostMapping("/candidates/{id}/simulation")
	PolicySimulator.Simulation simulate(@PathVariable long id) {
		PolicyService.requireAdministrator(CurrentUser.get());
		return policies.simulate(id);
	}

	@GetMapping(path = "/candidates/{id}/simulation.csv", produces = "text/csv")
	ResponseEntity<byte[]> simulationCsv(@PathVariable long id) {
		PolicyService.requireAdministrator(CurrentUser.get());
		PolicySimulator.Simulation simulation = policies.simulate(id, false);
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append("客户ID customerId,客户 customer,重点客户分类 keyAccountClass,原等级 gradeBefore,新等级 gradeAfter,")
			.append("原建议额度 limitBefore,新建议额度 limitAfter,原审批链 chainBefore,新审批链 chainAfter,应收余额 exposure\r\n");
		for (PolicySimulator.CustomerChange c : simulation.customers()) {
			csv.append(c.customerId()).append(',').append(cell(c.name())).append(',').append(cell(c.keyAccountClass()))
				.append(',').append(cell(c.gradeBefore())).append(',').append(cell(c.gradeAfter())).append(',')
				.append(plain(c.limitBefore())).append(',').append(plain(c.limitAfter())).append(',')
				.append(cell(c.chainBefore())).append(',').append(cell(c.chainAfter())).append(',')
				.append(plain(c.exposure())).append("\r\n");
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"policy-simulation-" + id + ".csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping("/candidates/{id}/proposal")
	CandidateView propose(@PathVariable long id) {
		CurrentUser user = CurrentUser.get();
		PolicyService.requireAdministrator(user);
		return view(policies.propose(id, user));
	}

	private static String plain(BigDecimal amount) {
		return amount == null ? "" : amount.toPlainString();
	}

	/** A CSV cell: quoted when it needs, and never read as a formula by a spreadsheet. */
	private static String cell(String text) {
		if (text == null) {
			return "";
		}
		String value = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
		return value.contains(",") || value.contains("\"") || value.contains("\n")
				? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

	/**
	 * A DMN file as a download, never rendered by the browser (a candidate is text an administrator wrote), with the
	 * decision definition it is based on for the editor to send back.
	 */
	private static ResponseEntity<byte[]> xml(String xml, String fileName, String definitionId) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
			.header("Content-Security-Policy", "sandbox; default-src 'none'")
			.header("X-Content-Type-Options", "nosniff")
			.header("X-Decision-Definition-Id", definitionId == null ? "" : definitionId)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(xml.getBytes(StandardCharsets.UTF_8));
	}

	private CandidateView view(PolicyCandidate c) {
		PolicyService.Stored validation = policies.validationOf(c);
		return new CandidateView(c.getId(), c.getPolicyKey(), catalog.get(c.getPolicyKey()).name(), c.getAuthor(),
				labels.person(c.getAuthor()), c.getCreatedAt(), c.getAuthorComment(), c.getStatus(),
				labels.name(c.getStatus()), c.getBasedOnVersion(), c.isValid(), validation.violations(),
				validation.cases(), c.getSimulationSummary(), c.getReviewer(), labels.person(c.getReviewer()),
				c.getReviewedAt(), c.getReviewComment(), c.getDeployedVersion(), c.getProcessInstanceId());
	}

}
