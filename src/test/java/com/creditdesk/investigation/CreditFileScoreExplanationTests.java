package com.creditdesk.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The score explanation a file keeps belongs to the score it was worked out for, never to a later one. */
class CreditFileScoreExplanationTests {

	@Test
	void aNewGradeOrSuggestionClearsTheKeptTextUntilItIsExplainedAgain() {
		CreditFile file = scored();
		file.keepScoreExplanation("why 71");
		assertThat(file.getScoreExplanation()).isEqualTo("why 71");

		file.recordGrade(64, "B", "credit-score v2");
		assertThat(file.getScoreExplanation()).as("graded anew").isNull();
		file.keepScoreExplanation("why 64");
		file.recordSuggestion(new BigDecimal("90000"), null, "credit-score v2, suggested-limit v2", null);
		assertThat(file.getScoreExplanation()).as("a new suggestion").isNull();
	}

	@Test
	void aFileBasedOnAnotherKeepsItsTextWithTheScoreItCopies() {
		CreditFile basis = scored();
		basis.keepScoreExplanation("why 71");
		CreditFile copy = CreditFile.basedOn(basis, "case-2", CreditFileKind.TEMPORARY_INCREASE, "ana");
		assertThat(copy.getCreditScore()).isEqualTo(71);
		assertThat(copy.getScoreExplanation()).isEqualTo("why 71");
	}

	@Test
	void aTextLongerThanTheColumnIsNotKeptAndIsWorkedOutWhenShown() {
		CreditFile file = scored();
		file.keepScoreExplanation("x".repeat(CreditFile.MAX_SCORE_EXPLANATION + 1));
		assertThat(file.getScoreExplanation()).isNull();
		file.keepScoreExplanation("x".repeat(CreditFile.MAX_SCORE_EXPLANATION));
		assertThat(file.getScoreExplanation()).hasSize(CreditFile.MAX_SCORE_EXPLANATION);
	}

	private static CreditFile scored() {
		CreditFile file = new CreditFile(1L, "case-1", CreditFileKind.INVESTIGATION, "ana");
		file.recordGrade(71, "A", "credit-score v1");
		file.recordSuggestion(new BigDecimal("120000"), null, "credit-score v1, suggested-limit v1", null);
		return file;
	}

}
