package com.creditdesk.investigation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import com.creditdesk.system.Inputs;

/**
 * Computes the credit policy's four ratios from the statement figures. Pure arithmetic; the points and grades
 * they lead to are policy and live in DMN.
 */
public final class FinancialRatioCalculator {

	static final int RATIO_SCALE = 4;

	private static final BigDecimal TWO = BigDecimal.valueOf(2);

	/** No real company's ratio is beyond this; a figure that gives one was mistyped (e.g. 0.01 for 10,000). */
	static final BigDecimal RATIO_LIMIT = BigDecimal.valueOf(10_000);

	private FinancialRatioCalculator() {
	}

	/**
	 * What is wrong with the figures, by variable name, in words a rep understands; empty when the ratios can be
	 * computed.
	 */
	public static Map<String, String> problems(FinancialStatement s) {
		Map<String, String> problems = new LinkedHashMap<>();
		requireAtLeastZero(problems, "quickAssets", "Quick assets", s.quickAssets());
		requirePositive(problems, "currentLiabilities", "Current liabilities", s.currentLiabilities(),
				"the quick ratio divides by it");
		requireAtLeastZero(problems, "totalLiabilities", "Total liabilities", s.totalLiabilities());
		requirePositive(problems, "totalAssetsStart", "Total assets at period start", s.totalAssetsStart(),
				"the average total assets use it");
		requirePositive(problems, "totalAssetsEnd", "Total assets at period end", s.totalAssetsEnd(),
				"the debt-to-asset ratio divides by it");
		requirePositive(problems, "salesRevenue", "Sales revenue", s.salesRevenue(),
				"the net profit margin divides by it");
		if (s.netProfit() == null) {
			problems.put("netProfit", "Net profit is missing (enter a negative amount for a loss).");
		}
		requireWithinRange(problems, "quickAssets", "Quick assets", s.quickAssets());
		requireWithinRange(problems, "currentLiabilities", "Current liabilities", s.currentLiabilities());
		requireWithinRange(problems, "totalLiabilities", "Total liabilities", s.totalLiabilities());
		requireWithinRange(problems, "totalAssetsStart", "Total assets at period start", s.totalAssetsStart());
		requireWithinRange(problems, "totalAssetsEnd", "Total assets at period end", s.totalAssetsEnd());
		requireWithinRange(problems, "salesRevenue", "Sales revenue", s.salesRevenue());
		requireWithinRange(problems, "netProfit", "Net profit", s.netProfit());
		if (s.quickAssets() != null && s.totalAssetsEnd() != null && s.quickAssets().compareTo(s.totalAssetsEnd()) > 0
				&& !problems.containsKey("totalAssetsEnd")) {
			problems.put("quickAssets", "Quick assets (" + s.quickAssets().toPlainString()
					+ ") cannot exceed total assets at period end (" + s.totalAssetsEnd().toPlainString() + ").");
		}
		if (s.currentLiabilities() != null && s.totalLiabilities() != null
				&& s.currentLiabilities().compareTo(s.totalLiabilities()) > 0 && !problems.containsKey("currentLiabilities")) {
			problems.put("currentLiabilities", "Current liabilities (" + s.currentLiabilities().toPlainString()
					+ ") cannot exceed total liabilities (" + s.totalLiabilities().toPlainString() + ").");
		}
		if (s.netProfit() != null && s.salesRevenue() != null && s.netProfit().compareTo(s.salesRevenue()) > 0
				&& !problems.containsKey("salesRevenue")) {
			problems.put("netProfit", "Net profit (" + s.netProfit().toPlainString() + ") cannot exceed sales revenue ("
					+ s.salesRevenue().toPlainString() + "): check the two figures.");
		}
		if (problems.isEmpty()) {
			requirePlausibleRatio(problems, "currentLiabilities", "quick ratio", s.quickAssets(), s.currentLiabilities());
			requirePlausibleRatio(problems, "totalAssetsEnd", "debt-to-asset ratio", s.totalLiabilities(),
					s.totalAssetsEnd());
			requirePlausibleRatio(problems, "totalAssetsStart", "total asset turnover", s.salesRevenue(),
					s.totalAssetsStart().add(s.totalAssetsEnd()).divide(TWO));
		}
		return problems;
	}

	private static void requireWithinRange(Map<String, String> problems, String key, String label, BigDecimal value) {
		if (value != null && !problems.containsKey(key) && value.abs().compareTo(Inputs.MAX_AMOUNT) > 0) {
			problems.put(key, label + " (" + value.toPlainString() + ") is beyond the largest figure CreditDesk takes ("
					+ Inputs.MAX_AMOUNT.toPlainString() + ").");
		}
	}

	private static void requirePlausibleRatio(Map<String, String> problems, String key, String name,
			BigDecimal numerator, BigDecimal denominator) {
		BigDecimal ratio = ratio(numerator, denominator);
		if (ratio.abs().compareTo(RATIO_LIMIT) > 0) {
			problems.put(key, "These figures give a " + name + " of " + ratio.toPlainString()
					+ ", beyond " + RATIO_LIMIT + ": check whether a figure was mistyped.");
		}
	}

	/** @throws IllegalArgumentException when {@link #problems} is not empty */
	public static FinancialRatios compute(FinancialStatement s) {
		Map<String, String> problems = problems(s);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join(" ", problems.values()));
		}
		BigDecimal averageAssets = s.totalAssetsStart().add(s.totalAssetsEnd()).divide(TWO);
		return new FinancialRatios(ratio(s.quickAssets(), s.currentLiabilities()),
				ratio(s.totalLiabilities(), s.totalAssetsEnd()), ratio(s.salesRevenue(), averageAssets),
				ratio(s.netProfit(), s.salesRevenue()),
				s.totalAssetsEnd().subtract(s.totalLiabilities()).setScale(2, RoundingMode.HALF_UP));
	}

	private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
		return numerator.divide(denominator, RATIO_SCALE, RoundingMode.HALF_UP);
	}

	private static void requireAtLeastZero(Map<String, String> problems, String key, String label, BigDecimal value) {
		if (value == null) {
			problems.put(key, label + " is missing.");
		}
		else if (value.signum() < 0) {
			problems.put(key, label + " cannot be negative (entered " + value.toPlainString() + ").");
		}
	}

	private static void requirePositive(Map<String, String> problems, String key, String label, BigDecimal value,
			String why) {
		if (value == null) {
			problems.put(key, label + " is missing.");
		}
		else if (value.signum() <= 0) {
			problems.put(key, label + " must be greater than zero (entered " + value.toPlainString() + "): " + why
					+ ".");
		}
	}

}
