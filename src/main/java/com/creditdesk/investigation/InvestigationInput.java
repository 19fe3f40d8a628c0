package com.creditdesk.investigation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.creditdesk.scoring.FinancialRatioCalculator;
import com.creditdesk.scoring.QualitativeItem;
import com.creditdesk.scoring.Rating;
import com.creditdesk.scoring.FinancialStatement;
import com.creditdesk.system.Inputs;
import com.creditdesk.system.Messages;
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
			problems.put("statementPeriod", Messages.text("investigation.periodMissing"));
		}
		else if (statementPeriod.strip().length() > 40) {
			problems.put("statementPeriod", Messages.text("investigation.periodTooLong"));
		}
		problems.putAll(FinancialRatioCalculator.problems(statement));
		for (QualitativeItem item : QualitativeItem.values()) {
			Rating rating = ratings.get(item);
			if (rating == null) {
				problems.put(item.ratingKey(), Messages.text("investigation.ratingMissing", item.label()));
			}
			else if (rating.value() < 1 || rating.value() > 5) {
				problems.put(item.ratingKey(), Messages.text("investigation.ratingOutOfRange", item.label(),
						String.valueOf(rating.value())));
			}
		}
		if (expectedMonthlyPurchases == null || expectedMonthlyPurchases.signum() <= 0) {
			problems.put("expectedMonthlyPurchases", Messages.text("investigation.purchasesNotPositive"));
		}
		else if (expectedMonthlyPurchases.compareTo(Inputs.MAX_AMOUNT) > 0) {
			problems.put("expectedMonthlyPurchases", Messages.text("investigation.purchasesTooLarge",
					Money.format(Inputs.MAX_AMOUNT)));
		}
		if (paymentTermDays == null || paymentTermDays < 1 || paymentTermDays > 180) {
			problems.put("paymentTermDays", Messages.text("investigation.paymentTermOutOfRange"));
		}
		if (requestedLimit == null || requestedLimit.signum() <= 0) {
			problems.put("requestedLimit", Messages.text("investigation.requestedLimitNotPositive"));
		}
		else if (requestedLimit.compareTo(Inputs.MAX_AMOUNT) > 0) {
			problems.put("requestedLimit", Messages.text("investigation.requestedLimitTooLarge",
					Money.format(Inputs.MAX_AMOUNT)));
		}
		return problems;
	}

	/** The twelve ratings added up (12 to 60): the qualitative part of the score. */
	public int qualitativePoints() {
		return ratings.values().stream().mapToInt(Rating::value).sum();
	}

}
