package com.creditdesk.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Engine tests of {@code processes/policy-exceptions.dmn}, one per rule and the proposal within policy. The sound
 * customer of the fixtures: suggested limit CNY 275,000, net worth CNY 2,750,000 (cap 275,000), validity 12 months.
 */
class PolicyExceptionsDecisionTest {

	private static DmnEngine engine;

	private static DmnDecision decision;

	@BeforeAll
	static void parseModel() throws IOException {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream model = new FileInputStream("processes/policy-exceptions.dmn")) {
			decision = engine.parseDecision("policy-exceptions", model);
		}
	}

	@Test
	void aProposalAtTheSuggestionWithinTheValidityIsNoException() {
		assertThat(exceptions(275_000, 275_000, 12)).isEmpty();
		assertThat(exceptions(100_000, 275_000, 6)).isEmpty();
	}

	@Test
	void aProposalAboveTheSuggestionIsAnExceptionByTheAmountAboveIt() {
		assertThat(exceptions(250_000, 200_000, 12)).containsExactly(tuple("ABOVE_SUGGESTED_LIMIT", 50_000.0));
	}

	@Test
	void aProposalAboveTenPercentOfNetWorthIsAnExceptionByTheAmountAboveTheCap() {
		// the suggestion can be lower than the cap (few purchases): only the cap rule then tells the second gap
		assertThat(exceptions(2_500_000, 280_000, 12)).containsExactly(tuple("ABOVE_SUGGESTED_LIMIT", 2_220_000.0),
				tuple("ABOVE_NET_WORTH_CAP", 2_225_000.0));
	}

	@Test
	void aValidityLongerThanTheGradesPolicyIsAnExceptionInMonths() {
		assertThat(exceptions(100_000, 275_000, 18)).containsExactly(tuple("TERM_BEYOND_POLICY", 6.0));
	}

	/** Exception code and gap of every rule that matched. */
	private static List<Tuple> exceptions(double proposed, double suggested, int termMonths) {
		return engine
			.evaluateDecision(decision, Variables.createVariables()
				.putValue("proposedLimit", proposed)
				.putValue("suggestedLimit", suggested)
				.putValue("netWorth", 2_750_000.0)
				.putValue("proposedTermMonths", termMonths)
				.putValue("limitValidityMonths", 12))
			.getResultList()
			.stream()
			.map(row -> tuple(row.get("exception"), ((Number) row.get("gap")).doubleValue()))
			.toList();
	}

}
