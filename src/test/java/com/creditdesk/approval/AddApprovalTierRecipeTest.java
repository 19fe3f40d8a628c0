package com.creditdesk.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;

import com.creditdesk.identity.ApprovalTiers;
import com.creditdesk.identity.CurrentUser;
import com.creditdesk.policy.PolicyCatalog;
import com.creditdesk.policy.PolicyValidator;
import com.creditdesk.support.ProcessTestBase;
import com.creditdesk.system.Labels;

/**
 * The README recipe "Add an approval tier", followed in a test deployment: a board tier above the regional manager
 * (one row in the tier table, one rule in {@code approval-authority.dmn}) and nothing else changed. The group, its
 * Tasklist filter, its name on the task, the escalation ladder and the authority follow from the table.
 */
@TestPropertySource(properties = {
		// an engine of its own name: engine-rest finds the shared test context's engine by the default name
		"camunda.bpm.process-engine-name=recipe",
		// step 1 of the recipe: the tier table (application.yaml) with one more row; a list is replaced as a whole
		"creditdesk.authority.tiers[0].group=customerManagers", "creditdesk.authority.tiers[0].name=客户经理 Customer manager",
		"creditdesk.authority.tiers[1].group=directSalesManagers",
		"creditdesk.authority.tiers[1].name=直销部经理 Direct-sales department manager",
		"creditdesk.authority.tiers[2].group=regionalManagers",
		"creditdesk.authority.tiers[2].name=地区公司经理 Regional company manager",
		"creditdesk.authority.tiers[3].group=boardMembers", "creditdesk.authority.tiers[3].name=董事会 Board of directors" })
class AddApprovalTierRecipeTest extends ProcessTestBase {

	/** Step 2 of the recipe: the authority matrix routes above the regional manager's CNY 2,000,000 to the board. */
	private static final String BOARD_RULE = """
			      <rule id="Rule_Board">
			        <description>Level 4: above CNY 2,000,000 the board approves too, up to CNY 10,000,000.</description>
			        <inputEntry id="UnaryTests_Board_Amount"><text>&gt; 2000000</text></inputEntry>
			        <inputEntry id="UnaryTests_Board_PolicyException"><text>-</text></inputEntry>
			        <inputEntry id="UnaryTests_Board_KeyAccount"><text>-</text></inputEntry>
			        <outputEntry id="LiteralExpression_Board_Level"><text>4</text></outputEntry>
			        <outputEntry id="LiteralExpression_Board_ApproverGroup"><text>"%s"</text></outputEntry>
			        <outputEntry id="LiteralExpression_Board_AuthorityLimit"><text>10000000</text></outputEntry>
			      </rule>
			""";

	@Autowired
	ApprovalTiers tiers;

	@Autowired
	Labels labels;

	@Autowired
	CreditDecisionService decisions;

	@Autowired
	PolicyValidator validator;

	@Autowired
	PolicyCatalog catalog;

	private static String authorityMatrixRoutingTo(String group) throws IOException {
		String released = new ClassPathResource("processes/approval-authority.dmn")
			.getContentAsString(StandardCharsets.UTF_8);
		return released.replace("    </decisionTable>", BOARD_RULE.formatted(group) + "    </decisionTable>");
	}

	@Test
	void aFourthTierFromOneTableRowAndOneRuleApprovesAboveTheRegionalManager() throws IOException {
		// the group exists (created at start from the table), its members may read the approvals filter
		assertThat(engine.getIdentityService().createGroupQuery().groupId("boardMembers").singleResult().getName())
			.isEqualTo("董事会 Board of directors");
		String approvals = engine.getFilterService().createFilterQuery().filterName("授信审批 Credit approvals")
			.singleResult().getId();
		assertThat(engine.getAuthorizationService().isUserAuthorized("nobody", List.of("boardMembers"),
				Permissions.READ, Resources.FILTER, approvals)).isTrue();
		User member = engine.getIdentityService().newUser("bo");
		member.setFirstName("Bo");
		member.setLastName("Li");
		member.setPassword("board-member-1");
		engine.getIdentityService().saveUser(member);
		engine.getIdentityService().createMembership("bo", "boardMembers");
		// the ladder and the names follow from the table
		assertThat(tiers.escalationGroup("regionalManagers")).isEqualTo("boardMembers");
		assertThat(tiers.escalationGroup("boardMembers")).isEqualTo("creditAdmins");
		assertThat(labels.name("boardMembers")).isEqualTo("董事会 Board of directors");
		assertThat(new CurrentUser("bo", List.of("boardMembers")).seesAllCustomers()).isTrue();

		// the policy workbench accepts the new rule (its group is a tier) ...
		assertThat(validator.validate(catalog.get("approval-authority"), authorityMatrixRoutingTo("boardMembers"))
			.violations()).isEmpty();
		// ... and refuses a rule routing to a group that is not in the table
		assertThat(validator.validate(catalog.get("approval-authority"), authorityMatrixRoutingTo("auditCommittee"))
			.violations()).anySatisfy(v -> assertThat(v.message()).contains("auditCommittee", "creditdesk.authority.tiers"));

		engine.getRepositoryService().createDeployment().name("add an approval tier")
			.addString("approval-authority.dmn", authorityMatrixRoutingTo("boardMembers")).deploy();

		ProcessInstance investigation = applicationFor("ana", 3_000_000);
		approve(investigation, "clara");
		approve(investigation, "dora");
		assertThat(engine.getTaskService().getVariable(openTask(investigation).getId(), "approvalNote").toString())
			.contains("passes the application on to the 董事会 Board of directors");
		approve(investigation, "erik");
		Task board = openTask(investigation);
		assertThat(engine.getTaskService().getIdentityLinksForTask(board.getId())).extracting(IdentityLink::getGroupId)
			.containsExactly("boardMembers");
		assertThat(engine.getTaskService().getVariable(board.getId(), CreditGrantApprovalProcess.APPROVAL_LEVEL_NAME))
			.isEqualTo("董事会 Board of directors");
		assertThat(engine.getTaskService().getVariable(board.getId(), "approvalNote").toString())
			.isEqualTo("Within your authority of CNY 10,000,000.00: your approval decides the application.");
		approve(investigation, "bo");

		assertThat(investigation).isEnded();
		CreditDecision decision = decisions.decisionsOf(customerId(investigation)).get(0);
		assertThat(decision.getOutcome()).as("within the board's authority: not capped").isEqualTo(ApprovalOutcome.APPROVED);
		assertThat(decision.getApprovedAmount()).isEqualByComparingTo("3000000");
		assertThat(decision.getApprovalChain())
			.isEqualTo("customerManagers > directSalesManagers > regionalManagers > boardMembers");
	}

}
