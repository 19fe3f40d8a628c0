package com.creditdesk.receivable;

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

/** Engine tests of {@code processes/key-account-class.dmn}: each rule and its boundaries. */
class KeyAccountClassDecisionTest {

	private static DmnEngine engine;

	private static DmnDecision decision;

	@BeforeAll
	static void parseModel() throws IOException {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream model = new FileInputStream("processes/key-account-class.dmn")) {
			decision = engine.parseDecision("key-account-class", model);
		}
	}

	@ParameterizedTest(name = "sales {0}, share before {1} -> {2}")
	@CsvSource({ "0, 0.0, C", "0, 0.5, C", "-100, 0.1, C", // no credit sales: C, even ranked first
			"5000000, 0.0, A", "100, 0.7999, A", // the customers that make the first 80 %
			"100, 0.80, B", "100, 0.9499, B", // the next 15 %
			"100, 0.95, C", "100, 0.999, C" }) // the rest
	void theClassFollowsTheShareOfTheCustomersRankedAbove(double sales, double shareBefore, String expected) {
		String actual = engine
			.evaluateDecision(decision,
					Variables.createVariables().putValue("creditSales", sales).putValue("shareBefore", shareBefore))
			.getSingleResult()
			.getSingleEntry();
		assertThat(actual).isEqualTo(expected);
	}

}
