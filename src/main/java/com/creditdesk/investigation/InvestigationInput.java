package com.creditdesk.investigation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.creditdesk.system.Inputs;
import com.creditdesk.system.Money;

/**
 * What the rep enters for one credit file: the statements, the twelve ratings and the credit request.
 * {@link #problems()} names every field that is missing or out of range.
 */
public record InvestigationInput(String statementPeriod, boolean statementsAudited, FinancialStatement statement,
		Map<QualitativeItem, Rating> ratings, BigDecimal expectedMonthlyPurchases, Integer paymentTermDays,
		BigDecimal requestedLimit) {

	public InvestigationInput {
		ratings = ratings == null ? Map.of() : Map.copyOf(ratings);
	}

	public Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		if (statementPeriod == null || statementPeriod.isBlank()) {
			problems.put("statementPeriod", "The statement period is missing (e.g. FY2025).");
		}
		else if (statementPeriod.strip().length() > 40) {
			problems.put("statementPeriod", "The statement period is longer than 40 characters.");
		}
		problems.putAll(FinancialRatioCalculator.problems(statement));
		for (QualitativeItem item : QualitativeItem.values()) {
			Rating rating = ratings.get(item);
			if (rating == null) {
				problems.put(item.ratingKey(), item.label() + ": the rating is missing (1 to 5).");
			}
			else if (rating.value() < 1 || rating.value() > 5) {
				problems.put(item.ratingKey(), item.label() + ": the rating must be 1 to 5 (entered "
						+ rating.value() + ").");
			}
		}
		if (expectedMonthlyPurchases == null || expectedMonthlyPurchases.signum() <= 0) {
			problems.put("expectedMonthlyPurchases", "Expected monthly purchases must be greater than zero.");
		}
		else if (expectedMonthlyPurchases.compareTo(Inputs.MAX_AMOUNT) > 0) {
			problems.put("expectedMonthlyPurchases", "Expected monthly purchases are beyond the largest amount "
					+ "CreditDesk takes (" + Money.format(Inputs.MAX_AMOUNT) + ").");
		}
		if (paymentTermDays == null || paymentTermDays < 1 || paymentTermDays > 180) {
			problems.put("paymentTermDays", "The payment term must be 1 to 180 days.");
		}
		if (requestedLimit == null || requestedLimit.signum() <= 0) {
			problems.put("requestedLimit", "The requested credit limit must be greater than zero.");
		}
		else if (requestedLimit.compareTo(Inputs.MAX_AMOUNT) > 0) {
			problems.put("requestedLimit", "The requested credit limit is beyond the largest amount CreditDesk takes ("
					+ Money.format(Inputs.MAX_AMOUNT) + ").");
		}
		return problems;
	}

	/** The twelve ratings added up (12 to 60): the qualitative part of the score. */
	public int qualitativePoints() {
		return ratings.values().stream().mapToInt(Rating::value).sum();
	}

}
