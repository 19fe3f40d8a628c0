package com.creditdesk.scoring;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What the scorecard scored: a credit file as {@link ScoreExplanation} reads it (the investigation's and the
 * re-evaluation's credit file implements it).
 */
public interface ScoredFile {

	Long getId();

	Integer getCreditScore();

	FinancialRatios getRatios();

	Map<QualitativeItem, Rating> getRatings();

	BigDecimal getSuggestedLimit();

	BigDecimal getExpectedMonthlyPurchases();

	int getPaymentTermDays();

	/** The decision versions that scored it ("credit-score:3,…"); empty: the latest. */
	String getDecisionVersions();

}
