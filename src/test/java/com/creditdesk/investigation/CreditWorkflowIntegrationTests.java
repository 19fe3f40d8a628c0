package com.creditdesk.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.creditdesk.support.IntegrationTestBase;
import com.creditdesk.support.InvestigationFixture;

/**
 * The credit workflow over HTTP as reps and managers drive it (the calls Tasklist makes to the engine's REST API),
 * then CreditDesk's own API showing the records. Runs on H2 and on PostgreSQL.
 */
abstract class CreditWorkflowIntegrationTests extends IntegrationTestBase {

	@Test
	void repStartsAnInvestigationThroughRestAndFindsTheApplicationTaskInTheirTasklist() {
		ResponseEntity<Map> started = submitStartForm("ana", InvestigationFixture.soundCustomer());
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		String instanceId = (String) started.getBody().get("id");
		String customerId = customerIdOf(started);
		String creditCode = (String) started.getBody().get("businessKey");

		List<Map> tasks = tasks("ana", "processInstanceId=" + instanceId + "&assignee=ana");
		assertThat(tasks).extracting(t -> t.get("name"))
			.containsExactly("填写授信申请 Prepare credit-grant application: Fixture Trading Co. 测试贸易有限公司");

		// the task card in Tasklist shows customer, amount and grade, read with the rep's own permissions
		String filterId = engine.getFilterService().createFilterQuery().filterName("我的任务 All my tasks").singleResult()
			.getId();
		HttpHeaders hal = new HttpHeaders();
		hal.setContentType(MediaType.APPLICATION_JSON);
		hal.setAccept(List.of(MediaType.valueOf("application/hal+json")));
		ResponseEntity<Map> card = as("ana").exchange("/engine-rest/filter/" + filterId + "/list?maxResults=50",
				HttpMethod.POST, new HttpEntity<>(Map.of("processInstanceId", instanceId), hal), Map.class);
		assertThat(card.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<Map> cards = (List<Map>) ((Map) card.getBody().get("_embedded")).get("task");
		assertThat(cards).hasSize(1);
		List<Map> variables = (List<Map>) ((Map) cards.get(0).get("_embedded")).get("variable");
		assertThat(variables).extracting(v -> v.get("name")).contains("customerName", "amountText", "creditGrade");
		assertThat(variables).filteredOn(v -> "amountText".equals(v.get("name"))).extracting(v -> v.get("value"))
			.as("the card shows the amount formatted").containsExactly("CNY 300,000.00");

		ResponseEntity<Map[]> files = as("ana").getForEntity("/api/customers/" + customerId + "/credit-files",
				Map[].class);
		assertThat(files.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(files.getBody()).hasSize(1);
		assertThat(files.getBody()[0]).containsEntry("status", "IN_PROGRESS")
			.containsEntry("creditGrade", "A")
			.containsEntry("creditScore", 71);
		assertThat((String) files.getBody()[0].get("decisionVersions")).contains("credit-score v");
		assertThat(as("ben").getForEntity("/api/customers/" + customerId + "/credit-files", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void aRepWithdrawsHerOpenInvestigationWithAReasonAndAnotherRepMayThenInvestigateTheCompany() {
		InvestigationFixture fixture = InvestigationFixture.soundCustomer();
		ResponseEntity<Map> started = submitStartForm("ana", fixture);
		String instanceId = (String) started.getBody().get("id");
		String customerId = customerIdOf(started);
		String creditCode = (String) started.getBody().get("businessKey");
		String withdrawal = "/api/customers/" + customerId + "/investigation/withdrawal";

		assertThat(post(as("ben"), withdrawal, Map.of("reason", "Not my customer, but let us see")).getStatusCode())
			.as("another rep's investigation").isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<Map> noReason = post(as("ana"), withdrawal, Map.of("reason", " "));
		assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((Map) noReason.getBody().get("fields")).containsKey("reason");
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count())
			.isEqualTo(1);

		ResponseEntity<Map> withdrawn = post(as("ana"), withdrawal,
				Map.of("reason", "The customer chose another supplier."));
		assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(withdrawn.getBody()).containsEntry("customerStatus", "WITHDRAWN");
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
		assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId)
			.singleResult().getDeleteReason()).isEqualTo("Withdrawn by ana: The customer chose another supplier.");
		Map[] files = as("ana").getForObject("/api/customers/" + customerId + "/credit-files", Map[].class);
		assertThat(files[0]).containsEntry("status", "WITHDRAWN")
			.containsEntry("outcomeNote", "Withdrawn by ana: The customer chose another supplier.");
		assertThat(post(as("ana"), withdrawal, Map.of("reason", "Once more, please")).getStatusCode())
			.as("nothing open any more").isEqualTo(HttpStatus.CONFLICT);

		ResponseEntity<Map> again = submitStartForm("ben", InvestigationFixture.soundCustomer()
			.with("creditCode", fixture.creditCode()));
		assertThat(again.getStatusCode()).as("the credit code is free for any rep").isEqualTo(HttpStatus.OK);
		assertThat(again.getBody()).as("the business key people search by: the credit code")
			.containsEntry("businessKey", creditCode);
		assertThat(customerIdOf(again)).as("the same customer").isEqualTo(customerId);
		assertThat(as("ben").getForEntity("/api/customers/" + customerId, Map.class).getBody())
			.containsEntry("responsibleRep", "ben");
	}

	@Test
	void anApplicationWithTheApproversIsTheirsToDecideNotTheRepsToWithdraw() {
		ResponseEntity<Map> started = submitStartForm("ana", InvestigationFixture.soundCustomer());
		String instanceId = (String) started.getBody().get("id");
		String customerId = customerIdOf(started);
		String creditCode = (String) started.getBody().get("businessKey");
		String application = tasks("ana", "processInstanceId=" + instanceId).get(0).get("id").toString();
		assertThat(submitTaskForm("ana", application, Map.of("proposedLimit", 100_000, "proposedTermMonths", 12,
				"proposalReason", "Reliable payer with audited statements.")).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		ResponseEntity<Map> refused = post(as("ana"), "/api/customers/" + customerId + "/investigation/withdrawal",
				Map.of("reason", "Changed my mind."));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat((String) refused.getBody().get("detail")).contains("is with the approvers");
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count())
			.isEqualTo(1);
	}

	@Test
	void badCreditCodeThroughRestIsRefusedWith400AndCreatesNothing() {
		long before = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
		ResponseEntity<Map> started = submitStartForm("ana",
				InvestigationFixture.soundCustomer().with("creditCode", "91350100M000100Y44"));

		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) started.getBody().get("message")).contains("check character '4'");
		assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(before);
	}

	@Test
	void twoManagersApproveInTurnAndTheCustomerShowsTheLimitWithBothApprovals() {
		// a large company: CNY 300,000 is within its suggested limit, so the amount alone routes it
		ResponseEntity<Map> started = submitStartForm("ana", InvestigationFixture.soundCustomer()
			.scaledBy(20)
			.ratings(4)
			.with("expectedMonthlyPurchases", 2_000_000)
			.with("requestedLimit", 300_000));
		String instanceId = (String) started.getBody().get("id");
		String customerId = customerIdOf(started);
		String creditCode = (String) started.getBody().get("businessKey");
		String application = (String) tasks("ana", "processInstanceId=" + instanceId).get(0).get("id");
		assertThat(submitTaskForm("ana", application, Map.of("proposedLimit", 300_000, "proposedTermMonths", 12,
				"proposalReason", "Reliable payer with audited statements.")).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		String first = (String) approvalTask("clara", creditCode).get("id");
		assertThat(tasks("ana", "processInstanceBusinessKey=" + creditCode)).as("the rep cannot see approvals")
			.isEmpty();
		assertThat(claim("ana", first).getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
		// … but her "in progress" page says where the application waits and for whom
		String inProgress = as("ana").getForObject("/requests", String.class);
		assertThat(inProgress).contains("/customers/" + customerId + "\"", "授信审批 Approval", "授信审批 Approve credit grant",
				"客户经理 Customer manager");
		assertThat(as("ben").getForObject("/requests", String.class)).as("another rep's customer")
			.doesNotContain("/customers/" + customerId + "\"");
		assertThat(as("fay").getForObject("/requests", String.class)).contains("/customers/" + customerId + "\"");
		assertThat(claim("clara", first).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(submitTaskForm("clara", first, Map.of("approvalDecision", "APPROVE", "approvalComment",
				"Figures are sound.")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		String second = (String) approvalTask("dora", creditCode).get("id");
		assertThat(claim("dora", second).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(submitTaskForm("dora", second, Map.of("approvalDecision", "APPROVE")).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		Map customer = as("ana").getForObject("/api/customers/" + customerId, Map.class);
		assertThat(customer).containsEntry("status", "ACTIVE").containsEntry("creditGrade", "AA");
		assertThat(((Number) customer.get("creditLimit")).doubleValue()).isEqualTo(300_000.0);
		Map[] history = as("ana").getForObject("/api/customers/" + customerId + "/credit-decisions", Map[].class);
		assertThat(history).hasSize(1);
		assertThat(history[0]).containsEntry("outcome", "APPROVED");
		assertThat((List<Map>) history[0].get("steps")).extracting(s -> s.get("approver"))
			.containsExactly("clara", "dora");

		ResponseEntity<String> page = as("ana").getForEntity("/customers/" + customerId, String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(page.getBody()).contains("Credit decisions", "已批准 Approved", "Clara Sun", "Dora Chen", "CNY 300,000.00",
				"Figures are sound.", "credit-grade v");
		assertThat(as("ana").getForObject("/customers", String.class)).contains("/customers/" + customerId);
		assertThat(as("ben").getForObject("/customers", String.class)).doesNotContain("/customers/" + customerId + "\"");
		assertThat(as("ben").getForEntity("/customers/" + customerId, String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(http.getForEntity("/customers/" + customerId, String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void theRequesterWhoIsAlsoAManagerIsRefusedThroughRest() {
		ResponseEntity<Map> started = submitStartForm("carl", InvestigationFixture.soundCustomer());
		String instanceId = (String) started.getBody().get("id");
		String customerId = customerIdOf(started);
		String creditCode = (String) started.getBody().get("businessKey");
		String application = (String) tasks("carl", "processInstanceId=" + instanceId).get(0).get("id");
		submitTaskForm("carl", application, Map.of("proposedLimit", 50_000, "proposedTermMonths", 12,
				"proposalReason", "Small first order volume."));

		String approvalTask = (String) approvalTask("carl", creditCode).get("id");
		ResponseEntity<Map> claim = claim("carl", approvalTask);
		assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) claim.getBody().get("message")).contains("carl requested this credit grant");
		ResponseEntity<Map> complete = submitTaskForm("carl", approvalTask, Map.of("approvalDecision", "APPROVE"));
		assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(tasks("clara", "processInstanceBusinessKey=" + creditCode)).hasSize(1);
	}

	/** The customer of a started case: its {@code customerId} variable (the business key is the credit code). */
	private String customerIdOf(ResponseEntity<Map> started) {
		return String.valueOf(engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId((String) started.getBody().get("id"))
			.variableName("customerId")
			.singleResult()
			.getValue());
	}

	private Map approvalTask(String user, String creditCode) {
		List<Map> tasks = tasks(user, "processInstanceBusinessKey=" + creditCode);
		assertThat(tasks).hasSize(1);
		assertThat((String) tasks.get(0).get("name")).startsWith("授信审批 Approve credit grant");
		return tasks.get(0);
	}

	private List<Map> tasks(String user, String query) {
		ResponseEntity<Map[]> response = as(user).getForEntity("/engine-rest/task?maxResults=50&" + query,
				Map[].class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return List.of(response.getBody());
	}

	private ResponseEntity<Map> claim(String user, String taskId) {
		return post(as(user), "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
	}

	private ResponseEntity<Map> submitStartForm(String user, InvestigationFixture fixture) {
		return post(as(user), "/engine-rest/process-definition/key/credit-investigation/submit-form",
				Map.of("variables", typed(fixture.variables())));
	}

	private ResponseEntity<Map> submitTaskForm(String user, String taskId, Map<String, Object> variables) {
		return post(as(user), "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", typed(variables)));
	}

	private static ResponseEntity<Map> post(TestRestTemplate client, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return client.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
	}

	/** Variables the way Tasklist sends them: value plus the type the engine should store. */
	private static Map<String, Object> typed(Map<String, Object> variables) {
		Map<String, Object> typed = new LinkedHashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value, "type",
				value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer"
						: value instanceof Number ? "Double" : "String")));
		return typed;
	}

}
