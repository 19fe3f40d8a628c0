package com.creditdesk.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.creditdesk.support.IntegrationTestBase;

/**
 * The policy workbench over HTTP as credit administrators use it: fay edits the scorecard (AA from 85 instead of
 * 80), sees it validated, compared and simulated, proposes it; she cannot review her own change; hana approves and
 * the scorecard alone gets a new version, which the next investigation uses. Runs on H2 and PostgreSQL. Every test
 * removes the versions it deployed, so the other tests keep the released policy.
 */
abstract class PolicyWorkbenchIntegrationTests extends IntegrationTestBase {

	private final List<String> deployments = new java.util.ArrayList<>();

	@AfterEach
	void removeDeployedVersions() {
		deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
		deployments.clear();
	}

	private static ResponseEntity<Map> post(TestRestTemplate client, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return client.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
	}

	private String liveXml(String user) {
		ResponseEntity<String> xml = as(user).getForEntity("/api/policy/credit-scorecard/xml", String.class);
		assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.OK);
		return xml.getBody();
	}

	private DecisionDefinition latest(String key) {
		return engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
	}

	private Map reviewTask(String user, long candidateId) {
		ResponseEntity<String> raw = as(user).getForEntity(
				"/engine-rest/task?maxResults=10&processDefinitionKey=policy-change&processInstanceBusinessKey=policy-" + candidateId,
				String.class);
		assertThat(raw.getStatusCode()).as(raw.getBody()).isEqualTo(HttpStatus.OK);
		ResponseEntity<Map[]> tasks = as(user).getForEntity(
				"/engine-rest/task?maxResults=10&processDefinitionKey=policy-change&processInstanceBusinessKey=policy-" + candidateId,
				Map[].class);
		assertThat(tasks.getBody()).as("the review task, visible to " + user).hasSize(1);
		return tasks.getBody()[0];
	}

	private ResponseEntity<Map> review(String user, Map task, String decision, String comment) {
		String id = (String) task.get("id");
		ResponseEntity<Map> claimed = post(as(user), "/engine-rest/task/" + id + "/claim", Map.of("userId", user));
		if (!claimed.getStatusCode().is2xxSuccessful()) {
			return claimed;
		}
		return post(as(user), "/engine-rest/task/" + id + "/submit-form", Map.of("variables",
				Map.of("policyDecision", Map.of("value", decision), "policyReviewComment", Map.of("value", comment))));
	}

	private Map save(String user, String xml, String comment) {
		ResponseEntity<Map> saved = post(as(user), "/api/policy/credit-scorecard/candidates", Map.of("xml", xml, "comment", comment));
		assertThat(saved.getStatusCode()).as(String.valueOf(saved.getBody())).isEqualTo(HttpStatus.CREATED);
		return saved.getBody();
	}

	/** A new customer's investigation started as ana; answers the credit file's recorded decision versions. */
	private String investigate() {
		Map<String, Object> typed = new java.util.LinkedHashMap<>();
		com.creditdesk.support.InvestigationFixture.soundCustomer().variables().forEach((name, value) -> typed.put(name,
				Map.of("value", value, "type", value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer"
						: value instanceof Number ? "Double" : "String")));
		ResponseEntity<Map> started = post(as("ana"), "/engine-rest/process-definition/key/credit-investigation/submit-form",
				Map.of("variables", typed));
		assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
		Object customerId = engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId((String) started.getBody().get("id"))
			.variableName("customerId")
			.singleResult()
			.getValue();
		List<Map> files = List.of(as("ana").getForObject("/api/customers/" + customerId + "/credit-files", Map[].class));
		assertThat(files).hasSize(1);
		return String.valueOf(files.get(0).get("decisionVersions"));
	}

	@Test
	void anApprovedChangeDeploysTheScorecardAloneAndTheNextDecisionUsesIt() {
		assertThat(as("ana").getForEntity("/api/policy", Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		Map overview = as("fay").getForObject("/api/policy", Map.class);
		assertThat((List<Map>) overview.get("decisions")).extracting(d -> d.get("key"))
			.contains("credit-scorecard", "approval-authority", "collection-stage");
		DecisionDefinition before = latest("credit-grade");
		String scoredBefore = investigate();
		assertThat(scoredBefore).contains("credit-grade v" + before.getVersion());
		long processVersions = engine.getRepositoryService().createProcessDefinitionQuery().count();

		Map candidate = save("fay", PolicyValidatorTest.aaFrom85(liveXml("fay")), "AA needs 85 points from now on.");
		long id = ((Number) candidate.get("id")).longValue();
		assertThat(candidate).containsEntry("valid", true).containsEntry("status", "DRAFT")
			.containsEntry("basedOnVersion", before.getVersion()).containsEntry("authorName", "Fay Liu");

		Map diff = as("fay").getForObject("/api/policy/candidates/" + id + "/diff", Map.class);
		assertThat((List<Map>) diff.get("changes")).extracting(c -> c.get("decision") + " " + c.get("kind"))
			.containsExactly("credit-grade CHANGED", "credit-grade CHANGED");

		ResponseEntity<Map> simulated = post(as("fay"), "/api/policy/candidates/" + id + "/simulation", Map.of());
		assertThat(simulated.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map simulation = simulated.getBody();
		assertThat(simulation).containsEntry("supported", true);
		int files = ((Number) simulation.get("files")).intValue();
		List<String> grades = (List<String>) simulation.get("grades");
		List<List<Number>> matrix = (List<List<Number>>) simulation.get("matrix");
		assertThat(matrix.stream().flatMap(List::stream).mapToLong(Number::longValue).sum()).isEqualTo(files);
		// raising the AA threshold only ever moves customers from AA down to A
		for (int from = 0; from < grades.size(); from++) {
			for (int to = 0; to < grades.size(); to++) {
				long n = matrix.get(from).get(to).longValue();
				if (from != to && n > 0) {
					assertThat(grades.get(from) + "→" + grades.get(to)).isEqualTo("AA→A");
				}
			}
		}
		assertThat((List<Map>) simulation.get("customers")).allSatisfy(c -> assertThat(c.get("gradeBefore") + "→" + c.get("gradeAfter")).isEqualTo("AA→A"));
		assertThat(((Number) simulation.get("gradesChanged")).intValue()).isEqualTo(((List) simulation.get("customers")).size());
		ResponseEntity<String> csv = as("fay").getForEntity("/api/policy/candidates/" + id + "/simulation.csv", String.class);
		assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
		assertThat(csv.getBody()).contains("gradeBefore");

		ResponseEntity<Map> proposed = post(as("fay"), "/api/policy/candidates/" + id + "/proposal", Map.of());
		assertThat(proposed.getStatusCode()).as(String.valueOf(proposed.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(proposed.getBody()).containsEntry("status", "PROPOSED");
		assertThat(post(as("fay"), "/api/policy/candidates/" + id + "/proposal", Map.of()).getStatusCode())
			.as("proposed once").isEqualTo(HttpStatus.CONFLICT);

		Map task = reviewTask("hana", id);
		ResponseEntity<Map> own = review("fay", task, "APPROVE", "Looks right to me.");
		assertThat(own.getStatusCode()).as("four eyes").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(String.valueOf(own.getBody())).contains("Fay Liu");
		assertThat(latest("credit-grade").getId()).isEqualTo(before.getId());

		ResponseEntity<Map> approved = review("hana", task, "APPROVE", "Agreed: AA was too easy to reach.");
		assertThat(approved.getStatusCode().is2xxSuccessful()).as(String.valueOf(approved.getBody())).isTrue();
		Map after = as("fay").getForObject("/api/policy/candidates/" + id, Map.class);
		assertThat(after).containsEntry("status", "DEPLOYED").containsEntry("reviewer", "hana")
			.containsEntry("deployedVersion", before.getVersion() + 1);
		DecisionDefinition live = latest("credit-grade");
		deployments.add(live.getDeploymentId());
		assertThat(live.getVersion()).isEqualTo(before.getVersion() + 1);
		List<Resource> resources = engine.getRepositoryService().getDeploymentResources(live.getDeploymentId());
		assertThat(resources).extracting(Resource::getName).containsExactly("credit-scorecard.dmn");
		assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).as("no process redeployed")
			.isEqualTo(processVersions);
		assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("approval-authority")
			.latestVersion().singleResult().getDeploymentId()).as("other policies untouched").isNotEqualTo(live.getDeploymentId());
		assertThat(liveXml("hana")).contains("[85..90[");
		Map overviewAfter = as("hana").getForObject("/api/policy", Map.class);
		assertThat((List<Map>) overviewAfter.get("decisions")).filteredOn(d -> "credit-scorecard".equals(d.get("key")))
			.singleElement()
			.satisfies(d -> assertThat(String.valueOf(d.get("source"))).contains("#" + id));

		// a rollback is a new candidate from the older version, to be reviewed like any other
		ResponseEntity<Map> rollback = post(as("hana"), "/api/policy/credit-scorecard/rollbacks",
				Map.of("version", before.getVersion(), "comment", "Back to AA from 80."));
		assertThat(rollback.getStatusCode()).as(String.valueOf(rollback.getBody())).isEqualTo(HttpStatus.CREATED);
		assertThat(rollback.getBody()).containsEntry("valid", true).containsEntry("status", "DRAFT")
			.containsEntry("basedOnVersion", live.getVersion());
		assertThat(as("hana").getForObject("/api/policy/candidates/" + rollback.getBody().get("id") + "/xml", String.class))
			.contains("[80..90[");

		// the next investigation is scored by the new version; the earlier file keeps the version that scored it
		assertThat(investigate()).contains("credit-grade v" + live.getVersion());
		assertThat(scoredBefore).doesNotContain("credit-grade v" + live.getVersion());

		// the engine evaluates the new version from now on: a score of 82 is A, not AA
		Map<String, Object> result = engine.getDecisionService().evaluateDecisionByKey("credit-grade")
			.variables(Map.of("quickRatio", 1.5, "debtToAssetRatio", 0.3, "assetTurnover", 5.0, "netProfitMargin", 0.2,
					"qualitativePoints", 42)) // 40 points from the ratios
			.evaluate().getSingleResult().getEntryMap();
		assertThat(result).containsEntry("creditGrade", "A");
	}

	@Test
	void aRejectedChangeDeploysNothingAndOnlyTheAuthorProposes() {
		DecisionDefinition before = latest("credit-grade");
		long id = ((Number) save("fay", PolicyValidatorTest.aaFrom85(liveXml("fay")), "Try a stricter AA.").get("id")).longValue();
		assertThat(post(as("hana"), "/api/policy/candidates/" + id + "/proposal", Map.of()).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(post(as("fay"), "/api/policy/candidates/" + id + "/proposal", Map.of()).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		ResponseEntity<Map> rejected = review("hana", reviewTask("hana", id), "REJECT", "Not this quarter.");
		assertThat(rejected.getStatusCode().is2xxSuccessful()).as(String.valueOf(rejected.getBody())).isTrue();
		assertThat(as("fay").getForObject("/api/policy/candidates/" + id, Map.class)).containsEntry("status", "REJECTED")
			.containsEntry("reviewComment", "Not this quarter.");
		assertThat(latest("credit-grade").getId()).isEqualTo(before.getId());
	}

	@Test
	void badCandidatesAreRefusedWithAReasonAndInvalidOnesCannotBeProposed() {
		String live = liveXml("fay");
		ResponseEntity<Map> noComment = post(as("fay"), "/api/policy/credit-scorecard/candidates", Map.of("xml", live, "comment", " "));
		assertThat(noComment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<Map> garbage = post(as("fay"), "/api/policy/credit-scorecard/candidates",
				Map.of("xml", "<definitions>", "comment", "oops"));
		assertThat(garbage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(garbage.getBody()).containsKey("detail");
		ResponseEntity<Map> unchanged = post(as("fay"), "/api/policy/credit-scorecard/candidates",
				Map.of("xml", live, "comment", "nothing"));
		assertThat(unchanged.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(post(as("fay"), "/api/policy/no-such-policy/candidates", Map.of("xml", live, "comment", "x"))
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		Map broken = save("fay", live.replace("<text>quickRatio</text>", "<text>acidTest</text>"), "Rename an input.");
		assertThat(broken).containsEntry("valid", false);
		assertThat((List<Map>) broken.get("violations")).extracting(v -> v.get("column")).contains("acidTest");
		long id = ((Number) broken.get("id")).longValue();
		assertThat(post(as("fay"), "/api/policy/candidates/" + id + "/proposal", Map.of()).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("policy-" + id).count())
			.isZero();
		assertThat(post(as("ana"), "/api/policy/credit-scorecard/candidates", Map.of("xml", live, "comment", "x"))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		// around the workbench: Tasklist does not offer the review process, and starting it by hand is refused
		assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("policy-change")
			.latestVersion().singleResult().isStartableInTasklist()).isFalse();
		long instances = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("policy-change").count();
		ResponseEntity<Map> started = post(as("fay"), "/engine-rest/process-definition/key/policy-change/start",
				Map.of("businessKey", "policy-" + id, "variables", Map.of("policyCandidateId", Map.of("value", id, "type", "Long"))));
		assertThat(started.getStatusCode().is4xxClientError()).as(String.valueOf(started.getBody())).isTrue();
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("policy-change").count())
			.isEqualTo(instances);
	}


	private static ResponseEntity<Map> put(TestRestTemplate client, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return client.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), Map.class);
	}

	@Test
	void theAuthorCannotPrefillTheReviewAndAReviewNeedsAReason() {
		long id = ((Number) save("fay", PolicyValidatorTest.aaFrom85(liveXml("fay")), "Stricter AA.").get("id")).longValue();
		assertThat(post(as("fay"), "/api/policy/candidates/" + id + "/proposal", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
		Map task = reviewTask("hana", id);
		String taskId = (String) task.get("id");
		ResponseEntity<Map> prefilled = put(as("fay"), "/engine-rest/task/" + taskId + "/variables/policyDecision",
				Map.of("value", "APPROVE", "type", "String"));
		assertThat(prefilled.getStatusCode()).as("the author writes the reviewer's answer").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(engine.getTaskService().getVariable(taskId, "policyDecision")).isNull();

		ResponseEntity<Map> noReason = review("hana", task, "APPROVE", " ");
		assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(as("fay").getForObject("/api/policy/candidates/" + id, Map.class)).containsEntry("status", "PROPOSED");
		assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).as("the review stays open").isOne();

		// an administrator deletes the review in Cockpit: the candidate is a draft again and may be proposed anew
		engine.getRuntimeService().deleteProcessInstance((String) task.get("processInstanceId"), "test: review withdrawn");
		assertThat(as("fay").getForObject("/api/policy/candidates/" + id, Map.class)).containsEntry("status", "DRAFT");
		assertThat(post(as("fay"), "/api/policy/candidates/" + id + "/proposal", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
		review("hana", reviewTask("hana", id), "REJECT", "Cleaning up.");
	}

	@Test
	void aChangeEditedFromAVersionThatIsNoLongerLiveIsNeitherSavedNorDeployed() {
		DecisionDefinition before = latest("credit-grade");
		String xml = PolicyValidatorTest.aaFrom85(liveXml("fay"));
		long first = ((Number) save("fay", xml, "Stricter AA.").get("id")).longValue();
		long second = ((Number) save("fay", xml.replace("<text>&gt;= 90</text>", "<text>&gt;= 92</text>")
			.replace("<text>[85..90[</text>", "<text>[85..92[</text>"), "Stricter AA and AAA.").get("id")).longValue();
		for (long id : new long[] { first, second }) {
			assertThat(post(as("fay"), "/api/policy/candidates/" + id + "/proposal", Map.of()).getStatusCode())
				.isEqualTo(HttpStatus.OK);
		}
		assertThat(review("hana", reviewTask("hana", first), "APPROVE", "Agreed.").getStatusCode().is2xxSuccessful()).isTrue();
		deployments.add(latest("credit-grade").getDeploymentId());

		// the second was edited from the version the first replaced: approving it would undo the first
		Map task = reviewTask("hana", second);
		ResponseEntity<Map> stale = review("hana", task, "APPROVE", "Agreed too.");
		assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(String.valueOf(stale.getBody())).contains("v" + before.getVersion(), "v" + (before.getVersion() + 1));
		assertThat(latest("credit-grade").getVersion()).isEqualTo(before.getVersion() + 1);
		assertThat(review("hana", task, "REJECT", "Edit it again from the new version.").getStatusCode().is2xxSuccessful())
			.isTrue();

		// an editor opened on the replaced version cannot save over the new one
		ResponseEntity<Map> outdated = post(as("fay"), "/api/policy/credit-scorecard/candidates",
				Map.of("xml", xml.replace("[85..90[", "[86..90[").replace("[70..85[", "[70..86["), "comment", "late",
						"basedOn", before.getId()));
		assertThat(outdated.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}


	private Map simulateCandidate(String key, String xml, String comment) {
		ResponseEntity<Map> saved = post(as("fay"), "/api/policy/" + key + "/candidates", Map.of("xml", xml, "comment", comment));
		assertThat(saved.getStatusCode()).as(String.valueOf(saved.getBody())).isEqualTo(HttpStatus.CREATED);
		assertThat(saved.getBody()).as(String.valueOf(saved.getBody())).containsEntry("valid", true);
		ResponseEntity<Map> simulated = post(as("fay"), "/api/policy/candidates/" + saved.getBody().get("id") + "/simulation",
				Map.of());
		assertThat(simulated.getStatusCode()).as(String.valueOf(simulated.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(simulated.getBody()).containsEntry("supported", true);
		return simulated.getBody();
	}

	@Test
	void everyPolicyDecisionCanBeSimulated() {
		String review = as("fay").getForObject("/api/policy/review-interval/xml", String.class);
		String reviewC = review.replaceFirst("(<rule id=\"Rule_ReviewGradeC\">[\\s\\S]*?<outputEntry[^>]*>\\s*<text>)6(</text>)", "$13$2");
		assertThat(reviewC).isNotEqualTo(review);
		Map reviews = simulateCandidate("review-interval", reviewC, "Grade C reviewed every 3 months.");
		assertThat((List<Map>) reviews.get("customers")).allSatisfy(c -> {
			assertThat(String.valueOf(c.get("gradeBefore"))).contains("review 6");
			assertThat(String.valueOf(c.get("gradeAfter"))).contains("review 3");
		});

		String classes = as("fay").getForObject("/api/policy/key-account-class/xml", String.class);
		Map keyAccounts = simulateCandidate("key-account-class", classes.replace("<text>&lt; 0.80</text>", "<text>&lt; 0.70</text>"),
				"Key accounts: the first 70 %.");
		assertThat((List<Map>) keyAccounts.get("customers"))
			.allSatisfy(c -> assertThat(c.get("gradeBefore") + "→" + c.get("gradeAfter")).isEqualTo("A→B"));
		assertThat(((Number) keyAccounts.get("files")).intValue()).isPositive();

		String exceptions = as("fay").getForObject("/api/policy/policy-exceptions/xml", String.class);
		Map exceptionRuns = simulateCandidate("policy-exceptions",
				exceptions.replace("<text>&gt; netWorth * 0.10</text>", "<text>&gt; netWorth * 0.20</text>"),
				"Net-worth cap at 20 %.");
		assertThat((List<Map>) exceptionRuns.get("customers"))
			.allSatisfy(c -> assertThat(String.valueOf(c.get("gradeBefore"))).contains("ABOVE_NET_WORTH_CAP"));
	}

}
