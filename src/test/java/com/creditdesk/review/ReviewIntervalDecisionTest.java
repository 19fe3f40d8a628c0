package com.creditdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Engine tests of {@code processes/review-interval.dmn}: one case per credit grade. */
class ReviewIntervalDecisionTest {

	private static DmnEngine engine;

	private static DmnDecision decision;

	@BeforeAll
	static void parseModel() throws IOException {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream model = new FileInputStream("processes/review-interval.dmn")) {
			decision = engine.parseDecision("review-interval", model);
		}
	}

	@Test
	void gradeAAAIsReviewedYearlyWithAOneYearLimit() {
		assertThat(reviewFor("AAA")).isEqualTo(Map.of("reviewIntervalMonths", 12, "limitValidityMonths", 12));
	}

	@Test
	void gradeAAIsReviewedYearlyWithAOneYearLimit() {
		assertThat(reviewFor("AA")).isEqualTo(Map.of("reviewIntervalMonths", 12, "limitValidityMonths", 12));
	}

	@Test
	void gradeAIsReviewedEverySixMonthsWithAOneYearLimit() {
		assertThat(reviewFor("A")).isEqualTo(Map.of("reviewIntervalMonths", 6, "limitValidityMonths", 12));
	}

	@Test
	void gradeBIsReviewedQuarterlyWithAOneYearLimit() {
		assertThat(reviewFor("B")).isEqualTo(Map.of("reviewIntervalMonths", 3, "limitValidityMonths", 12));
	}

	@Test
	void gradeCIsReexaminedEverySixMonthsAndHasNoLimit() {
		assertThat(reviewFor("C")).isEqualTo(Map.of("reviewIntervalMonths", 6, "limitValidityMonths", 0));
	}

	@org.junit.jupiter.params.ParameterizedTest(name = "key account of grade {0}: every {1} months, limit {2} months")
	@org.junit.jupiter.params.provider.CsvSource({ "AAA, 6, 12", "AA, 6, 12", "A, 3, 12", "B, 2, 12", "C, 3, 0" })
	void aKeyAccountIsReviewedTwiceAsOftenWithTheGradesValidity(String grade, int interval, int validity) {
		assertThat(reviewFor(grade, true))
			.isEqualTo(Map.of("reviewIntervalMonths", interval, "limitValidityMonths", validity));
	}

	@Test
	void aCustomerThatIsNotAKeyAccountTakesTheGradesRule() {
		assertThat(reviewFor("A", false)).isEqualTo(reviewFor("A"));
		assertThat(reviewFor("B", false)).isEqualTo(Map.of("reviewIntervalMonths", 3, "limitValidityMonths", 12));
	}

	private static Map<String, Object> reviewFor(String creditGrade) {
		return engine.evaluateDecision(decision, Variables.createVariables().putValue("creditGrade", creditGrade))
			.getSingleResult()
			.getEntryMap();
	}

	private static Map<String, Object> reviewFor(String creditGrade, boolean keyAccount) {
		return engine
			.evaluateDecision(decision,
					Variables.createVariables().putValue("creditGrade", creditGrade).putValue("keyAccount", keyAccount))
			.getSingleResult()
			.getEntryMap();
	}

}
