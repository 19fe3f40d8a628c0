package com.creditdesk.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Engine tests of {@code processes/collection-stage.dmn}: each rule and each day boundary. */
class CollectionStageDecisionTest {

	private static DmnEngine engine;

	private static DmnDecision decision;

	@BeforeAll
	static void parseModel() throws IOException {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream model = new FileInputStream("processes/collection-stage.dmn")) {
			decision = engine.parseDecision("collection-stage", model);
		}
	}

	@ParameterizedTest(name = "{0} days past due -> {1}")
	@CsvSource({ "0, NONE", "1, REMINDER", "14, REMINDER", "15, DUNNING_LETTER", "29, DUNNING_LETTER",
			"30, CREDIT_HOLD", "59, CREDIT_HOLD", "60, REGIONAL_DECISION", "89, REGIONAL_DECISION",
			"90, WRITE_OFF_PROPOSAL", "400, WRITE_OFF_PROPOSAL" })
	void stageFollowsTheDaysPastDueOfTheOldestOverdueInvoice(int days, String stage) {
		assertThat(stageFor(days, false, false)).isEqualTo(stage);
	}

	@ParameterizedTest(name = "vanished at {0} days -> write-off proposal")
	@CsvSource({ "1", "20", "45" })
	void aVanishedDebtorGoesToTheWriteOffProposalWhateverTheDays(int days) {
		assertThat(stageFor(days, true, false)).isEqualTo("WRITE_OFF_PROPOSAL");
	}

	@ParameterizedTest(name = "broken plan at {0} days -> write-off proposal")
	@CsvSource({ "61", "75" })
	void aBrokenPaymentPlanGoesToTheWriteOffProposal(int days) {
		assertThat(stageFor(days, false, true)).isEqualTo("WRITE_OFF_PROPOSAL");
	}

	@ParameterizedTest(name = "key account, {0} days past due -> {1}")
	@CsvSource({ "1, REMINDER", "14, REMINDER", "15, CREDIT_HOLD", "29, CREDIT_HOLD", "30, CREDIT_HOLD",
			"60, REGIONAL_DECISION", "90, WRITE_OFF_PROPOSAL" })
	void aKeyAccountReachesTheManagerOneStageEarlier(int days, String stage) {
		assertThat(stageFor(days, false, false, true)).isEqualTo(stage);
		assertThat(stageFor(15, false, false, false)).as("not a key account").isEqualTo("DUNNING_LETTER");
	}

	private static String stageFor(int daysPastDue, boolean vanished, boolean planBroken) {
		return stageFor(daysPastDue, vanished, planBroken, null);
	}

	private static String stageFor(int daysPastDue, boolean vanished, boolean planBroken, Boolean keyAccount) {
		return engine
			.evaluateDecision(decision,
					Variables.createVariables()
						.putValue("daysPastDue", daysPastDue)
						.putValue("customerVanished", vanished)
						.putValue("paymentPlanBroken", planBroken)
						.putValue("keyAccount", keyAccount))
			.getSingleResult()
			.getSingleEntry();
	}

}
