package com.creditdesk.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;

import com.creditdesk.customer.Customer;
import com.creditdesk.customer.CustomerRepository;
import com.creditdesk.customer.OwnershipType;
import com.creditdesk.policy.PolicyCatalog;
import com.creditdesk.policy.PolicyValidator;
import com.creditdesk.receivable.LedgerLines.InvoiceLine;
import com.creditdesk.receivable.LedgerService;
import com.creditdesk.support.ProcessTestBase;
import com.creditdesk.support.TestCreditCodes;
import com.creditdesk.system.Labels;

/**
 * The README recipe "Add a collection stage", followed in a test deployment: a lawyer's letter at day 45, between
 * the credit hold and the regional manager's decision (one row in the stage table, one rule in
 * {@code collection-stage.dmn}) and nothing else changed. The stage task mechanism opens its task for the row's
 * group, records what was done, and never opens it twice.
 */
@TestPropertySource(properties = {
		// an engine of its own name: engine-rest finds the shared test context's engine by the default name
		"camunda.bpm.process-engine-name=recipe",
		// step 1 of the recipe: the stage table (application.yaml) with one more row; a list is replaced as a whole
		"creditdesk.collection.stages[0].code=REMINDER", "creditdesk.collection.stages[0].name=提醒付款 Reminder",
		"creditdesk.collection.stages[0].action=REMINDER",
		"creditdesk.collection.stages[1].code=DUNNING_LETTER", "creditdesk.collection.stages[1].name=催款函 Dunning letter",
		"creditdesk.collection.stages[1].action=LETTER",
		"creditdesk.collection.stages[2].code=CREDIT_HOLD", "creditdesk.collection.stages[2].name=暂停赊销 On credit hold",
		"creditdesk.collection.stages[2].action=CREDIT_HOLD",
		"creditdesk.collection.stages[3].code=LAWYER_LETTER", "creditdesk.collection.stages[3].name=律师函 Lawyer's letter",
		"creditdesk.collection.stages[3].action=TASK",
		"creditdesk.collection.stages[3].task=发送律师函 Send a lawyer's letter",
		"creditdesk.collection.stages[3].instructions=请法务部出具律师函并寄给客户。 Have legal send the lawyer's letter.",
		"creditdesk.collection.stages[3].candidate-group=directSalesManagers",
		"creditdesk.collection.stages[4].code=REGIONAL_DECISION",
		"creditdesk.collection.stages[4].name=地区经理决定 Regional decision",
		"creditdesk.collection.stages[4].action=REGIONAL_DECISION",
		"creditdesk.collection.stages[5].code=WRITE_OFF_PROPOSAL",
		"creditdesk.collection.stages[5].name=建议核销 Write-off proposal", "creditdesk.collection.stages[5].action=WRITE_OFF" })
class AddCollectionStageRecipeTest extends ProcessTestBase {

	/** Step 2 of the recipe: from day 45 the case is at the new stage (FIRST hit: before the day-30 rule). */
	private static final String LAWYER_RULE = """
			      <rule id="Rule_StageDay45">
			        <description>Day 45: a lawyer's letter.</description>
			        <inputEntry id="UnaryTests_StageDay45_CustomerVanished"><text>-</text></inputEntry>
			        <inputEntry id="UnaryTests_StageDay45_PaymentPlanBroken"><text>-</text></inputEntry>
			        <inputEntry id="UnaryTests_StageDay45_DaysPastDue"><text>[45..60[</text></inputEntry>
			        <inputEntry id="UnaryTests_StageDay45_KeyAccount"><text>-</text></inputEntry>
			        <outputEntry id="LiteralExpression_StageDay45_CollectionStage"><text>"%s"</text></outputEntry>
			      </rule>
			""";

	@Autowired
	CollectionDetection detection;

	@Autowired
	CollectionQueries queries;

	@Autowired
	CustomerRepository customers;

	@Autowired
	LedgerService ledger;

	@Autowired
	Labels labels;

	@Autowired
	PolicyValidator validator;

	@Autowired
	PolicyCatalog catalog;

	private final LocalDate start = LocalDate.now();

	private static String stageDecisionNaming(String stage) throws IOException {
		String released = new ClassPathResource("processes/collection-stage.dmn").getContentAsString(StandardCharsets.UTF_8);
		return released.replace("      <rule id=\"Rule_StageDay30\">", LAWYER_RULE.formatted(stage) + "      <rule id=\"Rule_StageDay30\">");
	}

	@Test
	void aSixthStageFromOneTableRowAndOneRuleOpensItsTaskOnceAndRecordsIt() throws IOException {
		// the workbench accepts the rule (its stage is in the table) and refuses one naming a stage nobody set up
		assertThat(validator.validate(catalog.get("collection-stage"), stageDecisionNaming("LAWYER_LETTER")).violations())
			.isEmpty();
		assertThat(validator.validate(catalog.get("collection-stage"), stageDecisionNaming("COURT_ORDER")).violations())
			.anySatisfy(v -> assertThat(v.message()).contains("COURT_ORDER", "creditdesk.collection.stages"));
		engine.getRepositoryService().createDeployment().name("add a collection stage")
			.addString("collection-stage.dmn", stageDecisionNaming("LAWYER_LETTER")).deploy();

		Customer customer = new Customer("Stage Recipe Co. 阶段测试 " + System.nanoTime(), TestCreditCodes.next(),
				OwnershipType.PRIVATE, "ana");
		customer.grantLimit(BigDecimal.valueOf(300_000), "A", start.minusYears(2), start.plusYears(1),
				start.plusMonths(6), null);
		long customerId = customers.save(customer).getId();
		ledger.postInvoice(new InvoiceLine(customerId, null, "INV-45", null, start.minusDays(80), start.minusDays(50),
				BigDecimal.valueOf(80_000), "CNY"));

		detection.run(start);

		CollectionCase opened = queries.casesOf(customerId).get(0);
		assertThat(opened.getStage()).isEqualTo("LAWYER_LETTER");
		assertThat(labels.name(opened.getStage())).isEqualTo("律师函 Lawyer's letter");
		assertThat(actions(opened)).containsExactly("REMINDER", "DUNNING_LETTER", "CREDIT_HOLD", "LAWYER_LETTER");
		Task lawyer = stageTask(customer);
		assertThat(lawyer.getName()).startsWith("发送律师函 Send a lawyer's letter: Stage Recipe Co.");
		assertThat(lawyer).hasCandidateGroup("directSalesManagers");
		assertThat(lawyer.getAssignee()).isNull();
		assertThat(engine.getTaskService().getVariable(lawyer.getId(), OverdueCollectionProcess.STAGE_TASK_TEXT))
			.isEqualTo("请法务部出具律师函并寄给客户。 Have legal send the lawyer's letter.");

		// what was done is required (the form asks for it; the server refuses it too) ...
		assertThatThrownBy(() -> complete("dora", lawyer, Map.of(OverdueCollectionProcess.STAGE_TASK_NOTES, " ")))
			.isInstanceOf(FormFieldValidationException.class);
		assertThat(stageTask(customer).getId()).isEqualTo(lawyer.getId());
		// only what the form asks for (the trust boundary covers the stage task like every step)
		assertThatThrownBy(() -> complete("dora", stageTask(customer), Map.of(OverdueCollectionProcess.STAGE_TASK_NOTES,
				"Sent.", "stage", "WRITE_OFF_PROPOSAL"))).hasMessageContaining("does not ask for stage");
		// ... and recorded on the case
		complete("dora", stageTask(customer), Map.of(OverdueCollectionProcess.STAGE_TASK_NOTES,
				"Lawyer's letter sent by courier, tracking SF123."));
		assertThat(queries.historyOf(opened.getId())).anySatisfy(event -> {
			assertThat(event.getKind()).isEqualTo("STAGE_TASK");
			assertThat(event.getDetail()).isEqualTo("发送律师函 Send a lawyer's letter: Lawyer's letter sent by courier, tracking SF123.");
			assertThat(event.getRecordedBy()).isEqualTo("dora");
		});

		// the next day's check opens nothing again; at day 60 the regional managers decide, as before
		dailyCheck(customer, start.plusDays(1));
		assertThat(taskKeys(customer)).doesNotContain("UserTask_WorkStageTask");
		dailyCheck(customer, start.plusDays(10));
		assertThat(queries.casesOf(customerId).get(0).getStage()).isEqualTo("REGIONAL_DECISION");
		assertThat(taskKeys(customer)).contains("UserTask_DecideCollectionAction").doesNotContain("UserTask_WorkStageTask");
		assertThat(actions(opened)).containsOnlyOnce("LAWYER_LETTER");
	}

	private List<String> actions(CollectionCase c) {
		return queries.actionsOf(c.getId()).stream().map(CollectionAction::getAction).toList();
	}

	private List<Task> tasks(Customer customer) {
		return engine.getTaskService().createTaskQuery().processDefinitionKey(OverdueCollectionProcess.KEY)
			.processInstanceBusinessKey(customer.getCreditCode()).list();
	}

	private List<String> taskKeys(Customer customer) {
		return tasks(customer).stream().map(Task::getTaskDefinitionKey).sorted().toList();
	}

	private Task stageTask(Customer customer) {
		return tasks(customer).stream().filter(t -> t.getTaskDefinitionKey().equals("UserTask_WorkStageTask"))
			.findFirst().orElseThrow(() -> new AssertionError("no stage task among " + taskKeys(customer)));
	}

	private void dailyCheck(Customer customer, LocalDate day) {
		ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant()));
		String instance = engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKey(OverdueCollectionProcess.KEY).processInstanceBusinessKey(customer.getCreditCode())
			.singleResult().getId();
		Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance).timers()
			.duedateLowerThan(ClockUtil.getCurrentTime()).list().stream().findFirst().orElseThrow();
		engine.getManagementService().executeJob(timer.getId());
	}

}
