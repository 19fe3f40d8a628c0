package com.creditdesk.investigation;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The result of DMN {@code review-interval} for the customer's grade. */
record ReviewPolicy(int reviewIntervalMonths, int limitValidityMonths) {

	static ReviewPolicy of(VariableScope scope) {
		@SuppressWarnings("unchecked")
		Map<String, Object> result = (Map<String, Object>) scope.getVariable(CreditInvestigationProcess.REVIEW_POLICY);
		return new ReviewPolicy(((Number) result.get("reviewIntervalMonths")).intValue(),
				((Number) result.get("limitValidityMonths")).intValue());
	}

	/** The next periodic review, never later than the limit's expiry. */
	LocalDate nextReview(LocalDate today, LocalDate validUntil) {
		LocalDate byGrade = today.plusMonths(reviewIntervalMonths);
		return validUntil != null && validUntil.isBefore(byGrade) ? validUntil : byGrade;
	}

}
