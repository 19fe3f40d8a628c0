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

	private static Map<String, Object> reviewFor(String creditGrade) {
		return engine.evaluateDecision(decision, Variables.createVariables().putValue("creditGrade", creditGrade))
			.getSingleResult()
			.getEntryMap();
	}

}
