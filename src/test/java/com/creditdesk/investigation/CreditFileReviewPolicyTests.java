package com.creditdesk.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.creditdesk.scoring.FinancialRatioCalculator;
import com.creditdesk.scoring.FinancialStatement;

/** The review policy a file records belongs to the figures it was decided for. */
class CreditFileReviewPolicyTests {

	@Test
	void aSuggestionRecordsThePolicyAndARerunWithoutOneKeepsIt() {
		CreditFile file = new CreditFile(1L, "case-1", CreditFileKind.INVESTIGATION, "ana");
		file.recordGrade(71, "A", "credit-score v1");
		file.recordSuggestion(new BigDecimal("120000"), null, "suggested-limit v1", new ReviewPolicy(12, 24));
		assertThat(file.getReviewPolicy()).isEqualTo(new ReviewPolicy(12, 24));

		file.recordSuggestion(new BigDecimal("110000"), null, "suggested-limit v1", null);
		assertThat(file.getReviewPolicy()).as("re-run by hand from the suggestion").isEqualTo(new ReviewPolicy(12, 24));

		file.recordSuggestion(new BigDecimal("110000"), null, "suggested-limit v1", new ReviewPolicy(6, 12));
		assertThat(file.getReviewPolicy()).isEqualTo(new ReviewPolicy(6, 12));

		file.recordGrade(58, "C", "credit-score v1");
		assertThat(file.getReviewPolicy()).as("a new grade is decided its own policy").isNull();
		file.recordReviewPolicy(new ReviewPolicy(3, 6));
		assertThat(file.getReviewPolicy()).as("a grade C case records it without a suggestion")
			.isEqualTo(new ReviewPolicy(3, 6));
	}

	@Test
	void newFiguresClearThePolicyWithTheScore() {
		CreditFile file = new CreditFile(1L, "case-1", CreditFileKind.INVESTIGATION, "ana");
		file.recordSuggestion(new BigDecimal("120000"), null, "suggested-limit v1", new ReviewPolicy(12, 24));
		FinancialStatement statement = new FinancialStatement(new BigDecimal("500000"), new BigDecimal("400000"),
				new BigDecimal("900000"), new BigDecimal("1800000"), new BigDecimal("2000000"),
				new BigDecimal("8000000"), new BigDecimal("900000"));
		file.recordFigures(new InvestigationInput("2025", true, statement, Map.of(), new BigDecimal("100000"), 30,
				new BigDecimal("150000")), FinancialRatioCalculator.compute(statement));
		assertThat(file.getCreditScore()).isNull();
		assertThat(file.getReviewPolicy()).isNull();
	}

}
