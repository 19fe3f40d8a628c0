package com.creditdesk.investigation;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The result of DMN {@code review-interval} for the customer's grade. */
record ReviewPolicy(int reviewIntervalMonths, int limitValidityMonths) {

	/** The decision's result, in the command that evaluated it ({@code reviewPolicy}, a map). */
	static ReviewPolicy of(VariableScope scope) {
		@SuppressWarnings("unchecked")
		Map<String, Object> result = (Map<String, Object>) scope.getVariable(CreditInvestigationProcess.REVIEW_POLICY);
		if (result == null) {
			throw new IllegalStateException("no review-interval result in this case");
		}
		return new ReviewPolicy(((Number) result.get("reviewIntervalMonths")).intValue(),
				((Number) result.get("limitValidityMonths")).intValue());
	}

	/**
	 * The policy recorded on the credit file for its grade; only a file that recorded none (a case suggested before
	 * files recorded it) reads the decision's result the case still holds.
	 */
	static ReviewPolicy of(VariableScope scope, CreditFile file) {
		ReviewPolicy recorded = file.getReviewPolicy();
		return recorded != null ? recorded : of(scope);
	}

	/** The next periodic review, never later than the limit's expiry. */
	LocalDate nextReview(LocalDate today, LocalDate validUntil) {
		LocalDate byGrade = today.plusMonths(reviewIntervalMonths);
		return validUntil != null && validUntil.isBefore(byGrade) ? validUntil : byGrade;
	}

}
