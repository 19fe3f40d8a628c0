package com.creditdesk.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Engine tests of {@code processes/approval-authority.dmn}: every tier boundary, with the approvers listed level by
 * level.
 */
class ApprovalAuthorityDecisionTest {

	private static final Tuple CUSTOMER_MANAGER = tuple(1, "customerManagers", 100_000.0);

	private static final Tuple DIRECT_SALES_MANAGER = tuple(2, "directSalesManagers", 500_000.0);

	private static final Tuple REGIONAL_MANAGER = tuple(3, "regionalManagers", 2_000_000.0);

	private static DmnEngine engine;

	private static DmnDecision decision;

	@BeforeAll
	static void parseModel() throws IOException {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream model = new FileInputStream("processes/approval-authority.dmn")) {
			decision = engine.parseDecision("approval-authority", model);
		}
	}

	@Test
	void customerManagerAloneApprovesUpTo100k() {
		assertThat(approvers(100_000.0)).containsExactly(CUSTOMER_MANAGER);
	}

	@Test
	void directSalesManagerApprovesTooAbove100k() {
		assertThat(approvers(100_000.01)).containsExactly(CUSTOMER_MANAGER, DIRECT_SALES_MANAGER);
	}

	@Test
	void directSalesManagerIsTheLastApproverUpTo500k() {
		assertThat(approvers(500_000.0)).containsExactly(CUSTOMER_MANAGER, DIRECT_SALES_MANAGER);
	}

	@Test
	void regionalManagerApprovesTooAbove500k() {
		assertThat(approvers(500_000.01)).containsExactly(CUSTOMER_MANAGER, DIRECT_SALES_MANAGER, REGIONAL_MANAGER);
	}

	@Test
	void regionalManagerIsTheLastApproverUpTo2Million() {
		assertThat(approvers(2_000_000.0)).containsExactly(CUSTOMER_MANAGER, DIRECT_SALES_MANAGER, REGIONAL_MANAGER);
	}

	@Test
	void requestAboveTheTopTierStopsAtTheRegionalManagerWhoseAuthorityDoesNotCoverIt() {
		assertThat(approvers(2_000_000.01)).containsExactly(CUSTOMER_MANAGER, DIRECT_SALES_MANAGER, REGIONAL_MANAGER);
		assertThat(approvers(3_000_000.0)).containsExactly(CUSTOMER_MANAGER, DIRECT_SALES_MANAGER, REGIONAL_MANAGER);
	}

	@Test
	void nothingIsApprovedForAZeroAmount() {
		assertThat(approvers(0.0)).isEmpty();
	}

	@Test
	void aPolicyExceptionWithinTheCustomerManagersAuthorityGoesToTheDirectSalesManagerToo() {
		assertThat(approvers(50_000.0, true)).containsExactly(CUSTOMER_MANAGER, DIRECT_SALES_MANAGER);
		assertThat(approvers(100_000.0, true)).containsExactly(CUSTOMER_MANAGER, DIRECT_SALES_MANAGER);
	}

	@Test
	void aPolicyExceptionWithinTheDirectSalesManagersAuthorityGoesToTheRegionalManagerToo() {
		assertThat(approvers(100_000.01, true)).containsExactly(CUSTOMER_MANAGER, DIRECT_SALES_MANAGER, REGIONAL_MANAGER);
		assertThat(approvers(500_000.0, true)).containsExactly(CUSTOMER_MANAGER, DIRECT_SALES_MANAGER, REGIONAL_MANAGER);
	}

	@Test
	void aPolicyExceptionAtTheTopTierStaysWithTheTopTier() {
		assertThat(approvers(500_000.01, true)).containsExactly(CUSTOMER_MANAGER, DIRECT_SALES_MANAGER, REGIONAL_MANAGER);
		assertThat(approvers(2_500_000.0, true)).containsExactly(CUSTOMER_MANAGER, DIRECT_SALES_MANAGER, REGIONAL_MANAGER);
	}

	@Test
	void aKeyAccountIsAlwaysDecidedByTheDirectSalesManagerToo() {
		assertThat(approvers(20_000.0, false, true)).containsExactly(CUSTOMER_MANAGER, DIRECT_SALES_MANAGER);
		assertThat(approvers(100_000.0, false, true)).containsExactly(CUSTOMER_MANAGER, DIRECT_SALES_MANAGER);
		assertThat(approvers(20_000.0, false, false)).as("not a key account").containsExactly(CUSTOMER_MANAGER);
	}

	@Test
	void aKeyAccountsExceptionOrLargerRequestIsRoutedAsAnyOtherWithoutATierTwice() {
		assertThat(approvers(50_000.0, true, true)).containsExactly(CUSTOMER_MANAGER, DIRECT_SALES_MANAGER);
		assertThat(approvers(300_000.0, false, true)).containsExactly(CUSTOMER_MANAGER, DIRECT_SALES_MANAGER);
		assertThat(approvers(300_000.0, true, true)).containsExactly(CUSTOMER_MANAGER, DIRECT_SALES_MANAGER,
				REGIONAL_MANAGER);
	}

	private static List<Tuple> approvers(double amount) {
		return approvers(amount, false);
	}

	private static List<Tuple> approvers(double amount, boolean policyException) {
		return approvers(amount, policyException, null);
	}

	/** Level, approver group and authority limit of every approver, in approval order. */
	private static List<Tuple> approvers(double amount, boolean policyException, Boolean keyAccount) {
		List<Map<String, Object>> tiers = engine
			.evaluateDecision(decision, Variables.createVariables()
				.putValue("proposedLimit", amount)
				.putValue("policyException", policyException)
				.putValue("keyAccount", keyAccount))
			.getResultList();
		return tiers.stream()
			.map(tier -> tuple(tier.get("level"), tier.get("approverGroup"), tier.get("authorityLimit")))
			.toList();
	}

}
