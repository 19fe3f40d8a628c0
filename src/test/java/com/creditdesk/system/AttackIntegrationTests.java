package com.creditdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerRepository;
import com.creditdesk.customer.OwnershipType;
import com.creditdesk.support.IntegrationTestBase;
import com.creditdesk.support.InvestigationFixture;
import com.creditdesk.support.TestCreditCodes;
import com.creditdesk.support.WebappSession;

/**
 * The trust boundary tried as an attacker would: nothing but demo logins and raw REST calls (the calls Tasklist
 * makes, plus the ones it never makes). One test per attack found on the earlier main, each refused with a clear
 * 4xx and leaving no trace, plus the generic rule: every start form and user task refuses an undeclared variable.
 * Runs on H2 and on PostgreSQL.
 */
abstract class AttackIntegrationTests extends IntegrationTestBase {

	/** A sound customer asking for 275,000: the customer manager (≤ 100,000) and then the direct-sales manager decide. */
	private static final int TWO_LEVEL_AMOUNT = 275_000;

	@Autowired
	private CustomerRepository customers;

	@Autowired
	private LoginThrottle throttle;

	@BeforeEach
	@AfterEach
	void forgetFailedLogins() {
		throttle.forgetAll();
	}

	@Test
	void aPersonWhoLosesARaceGetsAConflictWhileTheJobExecutorKeepsTheEnginesRetry() {
		CommandExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
			.getCommandExecutorTxRequired();
		Command<Void> collides = context -> {
			throw new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity[42]' failed.");
		};
		engine.getIdentityService().setAuthentication("clara", List.of("customerManagers"));
		try {
			assertThatThrownBy(() -> executor.execute(collides)).isInstanceOfSatisfying(StepRefusedException.class,
					refused -> assertThat(refused.status()).isEqualTo(409))
				.hasMessageContaining("nothing of your step was saved")
				.hasMessageNotContaining("TaskEntity");
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
		assertThatThrownBy(() -> executor.execute(collides)).as("no person: the job executor's own handling")
			.isInstanceOf(OptimisticLockingException.class);
	}

	@Test
	void aManagerCannotWidenHerOwnAuthorityWithAnApprovalChainVariable() {
		Application application = applicationFor("ana", TWO_LEVEL_AMOUNT);
		String task = approvalTask("clara", application.creditCode());
		assertThat(claim("clara", task).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		Map<String, Object> widened = new LinkedHashMap<>();
		widened.put("approvalDecision", typed("APPROVE"));
		widened.put("approvalComment", typed("Fine."));
		widened.put("approvalChain", Map.of("type", "Json", "value",
				"[{\"level\":1,\"approverGroup\":\"customerManagers\",\"authorityLimit\":99999999}]"));
		ResponseEntity<Map> refused = post(as("clara"), "/engine-rest/task/" + task + "/submit-form",
				Map.of("variables", widened));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) refused.getBody().get("message")).contains("does not ask for approvalChain");
		assertThat(steps(application.customerId())).as("nothing was recorded").isEmpty();

		// the honest approval still needs the direct-sales manager: the chain is the recorded one
		assertThat(submitTaskForm("clara", task, Map.of("approvalDecision", "APPROVE", "approvalComment", "Fine."))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(approvalTask("dora", application.creditCode())).isNotNull();
		assertThat(customers.findById(Long.valueOf(application.customerId())).orElseThrow().getCreditLimit())
			.isEqualByComparingTo("0");
	}

	@Test
	void fourEyesCannotBeDefeatedByNamingAnotherRequester() {
		String[] started = startInvestigation("carl", InvestigationFixture.soundCustomer());
		String application = tasks("carl", "processInstanceId=" + started[0]).get(0).get("id").toString();

		Map<String, Object> disguised = new LinkedHashMap<>(proposal(50_000));
		disguised.put("requester", "ana");
		ResponseEntity<Map> refused = submitTaskForm("carl", application, disguised);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) refused.getBody().get("message")).contains("does not ask for requester");

		assertThat(submitTaskForm("carl", application, proposal(50_000)).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		String approval = approvalTask("clara", started[2]);
		ResponseEntity<Map> ownApproval = claim("carl", approval);
		assertThat(ownApproval.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) ownApproval.getBody().get("message")).contains("carl requested this credit grant");
		Map[] decisions = as("fay").getForObject("/api/customers/" + started[1] + "/credit-decisions", Map[].class);
		assertThat(decisions[0]).containsEntry("requestedBy", "carl");
	}

	@Test
	void aRepCannotMoveHerApplicationOntoAnotherRepsCustomer() {
		String[] bens = startInvestigation("ben", InvestigationFixture.soundCustomer());
		String[] anas = startInvestigation("ana", InvestigationFixture.soundCustomer());
		String application = tasks("ana", "processInstanceId=" + anas[0]).get(0).get("id").toString();

		Map<String, Object> moved = new LinkedHashMap<>(proposal(90_000));
		moved.put("customerId", Long.valueOf(bens[1]));
		moved.put("creditFileId", 1);
		ResponseEntity<Map> refused = submitTaskForm("ana", application, moved);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) refused.getBody().get("message")).contains("does not ask for creditFileId, customerId");
		assertThat(tasks("clara", "processInstanceBusinessKey=" + bens[2])).isEmpty();
		assertThat(tasks("ana", "processInstanceId=" + anas[0])).hasSize(1);
	}

	@Test
	void aRepCannotTakeOverAnotherRepsCustomerByStartingAnInvestigation() {
		InvestigationFixture bensCustomer = InvestigationFixture.soundCustomer();
		String[] bens = startInvestigation("ben", bensCustomer);
		Customer before = customers.findById(Long.valueOf(bens[1])).orElseThrow();

		InvestigationFixture takeover = InvestigationFixture.soundCustomer()
			.with("creditCode", bensCustomer.creditCode())
			.with("customerName", "Renamed by ana")
			.with("address", "Somewhere else");
		ResponseEntity<Map> disguised = post(as("ana"),
				"/engine-rest/process-definition/key/credit-investigation/submit-form",
				Map.of("variables", typedAll(takeover.with("requester", "ben").variables())));
		assertThat(disguised.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) disguised.getBody().get("message")).contains("does not ask for requester");

		ResponseEntity<Map> plain = post(as("ana"), "/engine-rest/process-definition/key/credit-investigation/start",
				Map.of("variables", typedAll(takeover.without("requester").variables())));
		assertThat(plain.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) plain.getBody().get("message")).contains("looked after by ben");

		Customer after = customers.findById(Long.valueOf(bens[1])).orElseThrow();
		assertThat(after.getName()).isEqualTo(before.getName());
		assertThat(after.getAddress()).isEqualTo(before.getAddress());
		assertThat(after.getResponsibleRep()).isEqualTo("ben");
	}

	@Test
	void theFormNotTheClientDecidesWhichFieldsTheProcessKeeps() {
		// a client marks the customer's name transient (so later steps and Tasklist would lose it) and asks the
		// engine to keep a figure the credit file already holds
		Map<String, Object> variables = typedAll(InvestigationFixture.soundCustomer().variables());
		Map<String, Object> name = new LinkedHashMap<>((Map<String, Object>) variables.get("customerName"));
		name.put("valueInfo", Map.of("transient", true));
		variables.put("customerName", name);
		Map<String, Object> figure = new LinkedHashMap<>((Map<String, Object>) variables.get("salesRevenue"));
		figure.put("valueInfo", Map.of("transient", false));
		variables.put("salesRevenue", figure);

		ResponseEntity<Map> started = post(as("ana"),
				"/engine-rest/process-definition/key/credit-investigation/submit-form", Map.of("variables", variables));
		assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
		String instanceId = (String) started.getBody().get("id");

		assertThat(engine.getRuntimeService().getVariables(instanceId)).containsKey("customerName")
			.doesNotContainKey("salesRevenue");
		assertThat(tasks("ana", "processInstanceId=" + instanceId).get(0).get("name").toString())
			.endsWith(InvestigationFixture.soundCustomer().variables().get("customerName").toString());
		// history FULL, without the details of what the steps wrote (CreditDesk's tables hold it): each variable
		// keeps its last value; what the client sent transient or not is nowhere in history
		assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instanceId).count())
			.isZero();
		assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId)
			.list().stream().map(org.camunda.bpm.engine.history.HistoricVariableInstance::getName))
			.contains("customerName", "creditCode", "creditGrade").doesNotContain("industry", "salesRevenue");

		// an administrator's repair is kept in detail: it is in no other record
		HttpHeaders json = new HttpHeaders();
		json.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<Void> repaired = as("admin").exchange("/engine-rest/process-instance/" + instanceId
				+ "/variables/customerName", HttpMethod.PUT,
				new HttpEntity<>(Map.of("value", "Repaired Co.", "type", "String"), json), Void.class);
		assertThat(repaired.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instanceId)
			.variableUpdates().list()).singleElement()
			.satisfies(detail -> assertThat(((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getValue())
				.isEqualTo("Repaired Co."));
	}

	@Test
	void figuresTheEngineCannotScoreAreShownOnTheCorrectionTaskAndCorrectedThroughItsForm() {
		String[] started = startInvestigation("ana",
				InvestigationFixture.soundCustomer().with("netProfit", 20_000_000).with("notePrincipalCredit", "Owner known for 10 years"));
		List<Map> open = tasks("ana", "processInstanceId=" + started[0]);
		assertThat(open).hasSize(1);
		assertThat(open.get(0).get("taskDefinitionKey")).isEqualTo("UserTask_CorrectFigures");
		String task = (String) open.get(0).get("id");

		// Tasklist loads the form's values: what the rep typed, though the process does not keep it
		Map<String, Map<String, Object>> shown = as("ana").getForObject("/engine-rest/task/" + task + "/form-variables",
				Map.class);
		assertThat(shown.get("salesRevenue").get("value")).isEqualTo(18_000_000);
		assertThat(shown.get("netProfit").get("value")).isEqualTo(20_000_000);
		assertThat(shown.get("notePrincipalCredit").get("value")).isEqualTo("Owner known for 10 years");
		assertThat(engine.getRuntimeService().getVariables(started[0])).doesNotContainKeys("salesRevenue", "netProfit");

		// Tasklist submits the form (submit-form writes to the task); here only the corrected figure is sent
		assertThat(submitTaskForm("ana", task, Map.of("netProfit", 1_800_000)).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		List<Map> next = tasks("ana", "processInstanceId=" + started[0]);
		assertThat(next).hasSize(1);
		assertThat(next.get(0).get("taskDefinitionKey")).isEqualTo("UserTask_PrepareCreditApplication");
		assertThat(engine.getRuntimeService().getVariables(started[0])).containsEntry("creditGrade", "A")
			.doesNotContainKeys("salesRevenue", "netProfit", "notePrincipalCredit");
	}

	@Test
	void aRepCannotStartASystemReviewOfAnotherRepsCustomerNorReadItsFigures() {
		Customer bens = customers.save(new Customer("Review Target Co. " + System.nanoTime(), TestCreditCodes.next(),
				OwnershipType.PRIVATE, "ben"));
		long instancesBefore = engine.getRuntimeService().createProcessInstanceQuery()
			.processInstanceBusinessKey(bens.getCreditCode()).count();

		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("creditCode", typed(bens.getCreditCode()));
		variables.put("reviewReason", typed("Periodic review as scheduled."));
		variables.put("reviewTrigger", typed("PERIODIC"));
		ResponseEntity<Map> periodic = post(as("ana"), "/engine-rest/process-definition/key/credit-reevaluation/start",
				Map.of("variables", variables, "withVariablesInReturn", true));
		assertThat(periodic.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) periodic.getBody().get("message")).contains("does not ask for reviewTrigger");
		assertThat(periodic.getBody()).doesNotContainKey("variables");

		variables.remove("reviewTrigger");
		ResponseEntity<Map> onRequest = post(as("ana"), "/engine-rest/process-definition/key/credit-reevaluation/start",
				Map.of("variables", variables, "withVariablesInReturn", true));
		assertThat(onRequest.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) onRequest.getBody().get("message")).contains("looked after by ben");
		assertThat(onRequest.getBody()).doesNotContainKey("variables");
		assertThat(engine.getRuntimeService().createProcessInstanceQuery()
			.processInstanceBusinessKey(bens.getCreditCode()).count()).isEqualTo(instancesBefore);
		assertThat(as("ben").getForObject("/api/customers/" + bens.getId() + "/review-triggers", Map[].class))
			.as("the real owner's review is not blocked").isEmpty();
	}

	@Test
	void creditAdministratorsAndAdministratorsWatchApprovalsButDoNotDecideThem() {
		Application application = applicationFor("ana", 60_000);
		String task = approvalTask("clara", application.creditCode());
		for (String watcher : List.of("fay", "admin")) {
			ResponseEntity<Map> decided = submitTaskForm(watcher, task,
					Map.of("approvalDecision", "APPROVE", "approvalComment", "Looks fine."));
			assertThat(decided.getStatusCode()).as(watcher).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat((String) decided.getBody().get("message")).contains(watcher, "may not decide", "Customer manager");
			assertThat(claim(watcher, task).getStatusCode()).as(watcher).isEqualTo(HttpStatus.FORBIDDEN);
		}
		assertThat(steps(application.customerId())).isEmpty();
		ResponseEntity<Map> moved = post(as("fay"), "/engine-rest/process-instance/"
				+ engine.getTaskService().createTaskQuery().taskId(task).singleResult().getProcessInstanceId()
				+ "/variables", Map.of("modifications", Map.of("approvalChainEnded", typed(true))));
		assertThat(moved.getStatusCode()).as("instance variables are for administrators' repairs only")
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(submitTaskForm("clara", task, Map.of("approvalDecision", "APPROVE", "approvalComment", "Sound."))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void selfRegisteredCollateralDoesNotCountUntilAnotherCreditAdministratorVerifiesIt() {
		Customer customer = new Customer("Collateral Co. " + System.nanoTime(), TestCreditCodes.next(),
				OwnershipType.PRIVATE, "ana");
		customer.grantLimit(new BigDecimal("40000"), "A", LocalDate.now().minusYears(1), LocalDate.now().plusYears(1), LocalDate.now().plusMonths(6),
				null);
		customer = customers.save(customer);
		String collateral = "/api/customers/" + customer.getId() + "/collateral";
		Map<String, Object> guarantee = Map.of("kind", "BANK_GUARANTEE", "description", "Guarantee BG-1 (self-made)",
				"value", 50_000_000, "validUntil", LocalDate.now().plusYears(1).toString());
		ResponseEntity<Map> registered = post(as("ana"), collateral, guarantee);
		assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);

		ResponseEntity<Map> check = post(as("ana"), "/api/credit-checks",
				Map.of("customerId", customer.getId(), "orderReference", "SO-ATTACK-1", "amount", 1_000_000));
		assertThat(check.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(check.getBody()).containsEntry("outcome", "SPLIT");
		assertThat(((Number) check.getBody().get("onCredit")).doubleValue()).isEqualTo(40_000.0);
		assertThat((String) check.getBody().get("reason")).contains("awaiting a credit administrator's verification");

		ResponseEntity<Map> own = post(as("fay"), collateral, guarantee);
		ResponseEntity<Map> selfVerified = post(as("fay"), collateral + "/" + own.getBody().get("id") + "/verification",
				Map.of());
		assertThat(selfVerified.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) selfVerified.getBody().get("detail")).contains("Four eyes");
		ResponseEntity<Map> byRep = post(as("ana"), collateral + "/" + registered.getBody().get("id") + "/verification",
				Map.of());
		assertThat(byRep.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		Map[] listed = as("ana").getForObject(collateral, Map[].class);
		assertThat(listed).extracting(c -> c.get("status")).containsOnly("PENDING_VERIFICATION");
	}

	@Test
	void aClaimedTaskIsCompletedOnlyByTheManagerWhoClaimedIt() {
		Application application = applicationFor("ana", 60_000);
		String task = approvalTask("clara", application.creditCode());
		assertThat(claim("clara", task).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		ResponseEntity<Map> taken = submitTaskForm("carl", task,
				Map.of("approvalDecision", "APPROVE", "approvalComment", "Mine now."));
		assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat((String) taken.getBody().get("message")).contains("claimed by Clara Sun (clara)");
		ResponseEntity<Map> reclaimed = claim("carl", task);
		assertThat(reclaimed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(steps(application.customerId())).isEmpty();
		assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee())
			.isEqualTo("clara");
	}

	@Test
	void wrongPasswordsDelayALoginForAWhileButNeverLockTheAccountForGood() {
		Date start = new Date();
		try {
			for (int attempt = 0; attempt < 10; attempt++) {
				// spaced by more than the login delay, as a patient stranger would
				ClockUtil.setCurrentTime(new Date(start.getTime() + attempt * 120_000L));
				assertThat(http.withBasicAuth("ben", "guess" + attempt).getForEntity("/engine-rest/task?maxResults=1",
						String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
			}
			throttle.forgetAll(); // another address: the stranger's own is throttled (next test)
			ClockUtil.setCurrentTime(new Date(start.getTime() + 30 * 60_000L));
			assertThat(as("ben").getForEntity("/engine-rest/task?maxResults=1", String.class).getStatusCode())
				.as("ben can log in again once the delay has passed").isEqualTo(HttpStatus.OK);
		}
		finally {
			ClockUtil.reset();
			engine.getIdentityService().unlockUser("ben");
		}
	}

	@Test
	void aSourceThatKeepsGuessingIsThrottledOnEveryDoorWithoutLockingTheUserOut() {
		for (int attempt = 0; attempt < 10; attempt++) {
			assertThat(http.withBasicAuth("mallory", "guess" + attempt).getForEntity("/api/customers", String.class)
				.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		ResponseEntity<String> throttled = as("ana").getForEntity("/engine-rest/task?maxResults=1", String.class);
		assertThat(throttled.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(throttled.getHeaders().getFirst("Retry-After")).isNotBlank();
		assertThat(new WebappSession(port).login("tasklist", "ana", "demo")).isEqualTo(429);

		throttle.forgetAll(); // ana, from her own address
		assertThat(as("ana").getForEntity("/engine-rest/task?maxResults=1", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void everyStartFormAndUserTaskRefusesAnUndeclaredVariable() {
		RepositoryService repository = engine.getRepositoryService();
		RuntimeService runtime = engine.getRuntimeService();
		List<String> checked = new ArrayList<>();
		// an approval's levels are read from its decision record: one opened by a real application
		Application application = applicationFor("ana", TWO_LEVEL_AMOUNT);
		Object decisionId = engine.getRuntimeService().createVariableInstanceQuery()
			.processInstanceIdIn(engine.getRuntimeService().createProcessInstanceQuery()
				.superProcessInstanceId(application.instanceId()).singleResult().getId())
			.variableName("creditDecisionId").singleResult().getValue();
		for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
			BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
			for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
				if (start.getCamundaFormRef() == null) {
					continue;
				}
				long before = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
				ResponseEntity<Map> refused = post(as("admin"),
						"/engine-rest/process-definition/" + definition.getId() + "/submit-form",
						Map.of("variables", Map.of("sneakyVariable", typed("x"))));
				assertThat(refused.getStatusCode()).as(start.getId()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat((String) refused.getBody().get("message")).contains("does not ask for sneakyVariable");
				assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(before);
				checked.add(definition.getKey() + ":" + start.getId());
			}
			for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
				if (userTask.getId().equals("UserTask_WorkStageTask")) {
					continue; // opens only for a stage of action TASK: AddCollectionStageRecipeTest adds one and checks it
				}
				ProcessInstance instance = runtime.createProcessInstanceById(definition.getId())
					.startBeforeActivity(userTask.getId())
					.setVariables(taskVariables(decisionId))
					.execute(true, true);
				Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
					.taskDefinitionKey(userTask.getId()).singleResult();
				String user = task.getAssignee() != null ? task.getAssignee() : memberOf(task);
				ResponseEntity<Map> refused = submitTaskForm(user, task.getId(), Map.of("sneakyVariable", "x"));
				assertThat(refused.getStatusCode()).as(userTask.getId()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat((String) refused.getBody().get("message")).contains("does not ask for sneakyVariable");
				assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
				runtime.deleteProcessInstance(instance.getId(), "attack test", true, true, true);
				checked.add(definition.getKey() + ":" + userTask.getId());
			}
		}
		System.out.println("undeclared variable refused at " + checked.size() + " steps: " + checked);
		assertThat(checked).contains("credit-investigation:StartEvent_InvestigationRequested",
				"credit-reevaluation:StartEvent_ReviewRequested",
				"credit-grant-approval:UserTask_ApproveCreditGrant", "overdue-collection:UserTask_ApproveWriteOff");
		assertThat(checked).hasSizeGreaterThanOrEqualTo(16);
	}

	@Test
	void aProcessWithoutAStartFormIsStartedByCreditDeskOnly() {
		ResponseEntity<Map> refused = post(as("fay"), "/engine-rest/process-definition/key/credit-grant-approval/start",
				Map.of("variables", Map.of()));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) refused.getBody().get("message")).contains("is started by CreditDesk");
	}

	// --- helpers ---

	private record Application(String instanceId, String customerId, String creditCode) {
	}

	/** The rep starts a sound customer's investigation and applies for {@code amount}. */
	private Application applicationFor(String rep, int amount) {
		String[] started = startInvestigation(rep, InvestigationFixture.soundCustomer());
		String application = tasks(rep, "processInstanceId=" + started[0]).get(0).get("id").toString();
		assertThat(submitTaskForm(rep, application, proposal(amount)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		return new Application(started[0], started[1], started[2]);
	}

	private static Map<String, Object> proposal(int amount) {
		return Map.of("proposedLimit", amount, "proposedTermMonths", 12, "proposalReason",
				"Reliable payer with audited statements.");
	}

	/** Instance id, customer id and credit code (the business key). */
	private String[] startInvestigation(String rep, InvestigationFixture fixture) {
		ResponseEntity<Map> started = post(as(rep), "/engine-rest/process-definition/key/credit-investigation/submit-form",
				Map.of("variables", typedAll(fixture.variables())));
		assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
		String instanceId = (String) started.getBody().get("id");
		Object customerId = engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(instanceId)
			.variableName("customerId")
			.singleResult()
			.getValue();
		return new String[] { instanceId, String.valueOf(customerId), (String) started.getBody().get("businessKey") };
	}

	private String approvalTask(String user, String creditCode) {
		List<Map> tasks = tasks(user, "processInstanceBusinessKey=" + creditCode);
		assertThat(tasks).hasSize(1);
		assertThat((String) tasks.get(0).get("name")).startsWith("授信审批 Approve credit grant");
		return (String) tasks.get(0).get("id");
	}

	private List<Map> steps(String customerId) {
		Map[] decisions = as("fay").getForObject("/api/customers/" + customerId + "/credit-decisions", Map[].class);
		return decisions.length == 0 ? List.of() : (List<Map>) decisions[0].get("steps");
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

	private ResponseEntity<Map> submitTaskForm(String user, String taskId, Map<String, Object> variables) {
		return post(as(user), "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", typedAll(variables)));
	}

	private static ResponseEntity<Map> post(TestRestTemplate client, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return client.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
	}

	private static Map<String, Object> typed(Object value) {
		return Map.of("value", value, "type", value instanceof Boolean ? "Boolean"
				: value instanceof Integer ? "Integer" : value instanceof Long ? "Long"
						: value instanceof Number ? "Double" : "String");
	}

	private static Map<String, Object> typedAll(Map<String, Object> variables) {
		Map<String, Object> typed = new LinkedHashMap<>();
		variables.forEach((name, value) -> typed.put(name, typed(value)));
		return typed;
	}

	/** What the user tasks' assignments and candidate groups need when an instance starts right before them. */
	private static Map<String, Object> taskVariables(Object creditDecisionId) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("creditDecisionId", creditDecisionId);
		variables.put("requester", "ana");
		variables.put("responsibleRep", "ana");
		variables.put("approverGroup", "customerManagers");
		variables.put("approvalChainEnded", false);
		return variables;
	}

	private String memberOf(Task task) {
		for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
			if (link.getGroupId() != null) {
				return switch (link.getGroupId()) {
					case "customerManagers" -> "clara";
					case "directSalesManagers" -> "dora";
					case "regionalManagers" -> "erik";
					case "creditAdmins" -> "fay";
					default -> "admin";
				};
			}
		}
		throw new AssertionError("task " + task.getTaskDefinitionKey() + " has neither assignee nor candidate group");
	}

}
