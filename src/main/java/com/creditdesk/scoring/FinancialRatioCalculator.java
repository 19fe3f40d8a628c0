package com.creditdesk.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import com.creditdesk.system.Inputs;
import com.creditdesk.system.Messages;

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
		String quickAssets = Messages.text("label.quickAssets");
		String currentLiabilities = Messages.text("label.currentLiabilities");
		String totalLiabilities = Messages.text("label.totalLiabilities");
		String totalAssetsStart = Messages.text("label.totalAssetsStart");
		String totalAssetsEnd = Messages.text("label.totalAssetsEnd");
		String salesRevenue = Messages.text("label.salesRevenue");
		requireAtLeastZero(problems, "quickAssets", quickAssets, s.quickAssets());
		requirePositive(problems, "currentLiabilities", currentLiabilities, s.currentLiabilities(),
				Messages.text("investigation.quickRatioDividesByIt"));
		requireAtLeastZero(problems, "totalLiabilities", totalLiabilities, s.totalLiabilities());
		requirePositive(problems, "totalAssetsStart", totalAssetsStart, s.totalAssetsStart(),
				Messages.text("investigation.averageAssetsUseIt"));
		requirePositive(problems, "totalAssetsEnd", totalAssetsEnd, s.totalAssetsEnd(),
				Messages.text("investigation.debtToAssetDividesByIt"));
		requirePositive(problems, "salesRevenue", salesRevenue, s.salesRevenue(),
				Messages.text("investigation.netProfitMarginDividesByIt"));
		if (s.netProfit() == null) {
			problems.put("netProfit", Messages.text("investigation.netProfitMissing"));
		}
		requireWithinRange(problems, "quickAssets", quickAssets, s.quickAssets());
		requireWithinRange(problems, "currentLiabilities", currentLiabilities, s.currentLiabilities());
		requireWithinRange(problems, "totalLiabilities", totalLiabilities, s.totalLiabilities());
		requireWithinRange(problems, "totalAssetsStart", totalAssetsStart, s.totalAssetsStart());
		requireWithinRange(problems, "totalAssetsEnd", totalAssetsEnd, s.totalAssetsEnd());
		requireWithinRange(problems, "salesRevenue", salesRevenue, s.salesRevenue());
		requireWithinRange(problems, "netProfit", Messages.text("label.netProfit"), s.netProfit());
		if (s.quickAssets() != null && s.totalAssetsEnd() != null && s.quickAssets().compareTo(s.totalAssetsEnd()) > 0
				&& !problems.containsKey("totalAssetsEnd")) {
			problems.put("quickAssets", Messages.text("investigation.quickAssetsAboveTotalAssets",
					s.quickAssets().toPlainString(), s.totalAssetsEnd().toPlainString()));
		}
		if (s.currentLiabilities() != null && s.totalLiabilities() != null
				&& s.currentLiabilities().compareTo(s.totalLiabilities()) > 0 && !problems.containsKey("currentLiabilities")) {
			problems.put("currentLiabilities", Messages.text("investigation.currentAboveTotalLiabilities",
					s.currentLiabilities().toPlainString(), s.totalLiabilities().toPlainString()));
		}
		if (s.netProfit() != null && s.salesRevenue() != null && s.netProfit().compareTo(s.salesRevenue()) > 0
				&& !problems.containsKey("salesRevenue")) {
			problems.put("netProfit", Messages.text("investigation.netProfitAboveRevenue", s.netProfit().toPlainString(),
					s.salesRevenue().toPlainString()));
		}
		if (problems.isEmpty()) {
			requirePlausibleRatio(problems, "currentLiabilities", Messages.text("label.quickRatio"), s.quickAssets(),
					s.currentLiabilities());
			requirePlausibleRatio(problems, "totalAssetsEnd", Messages.text("label.debtToAssetRatio"),
					s.totalLiabilities(), s.totalAssetsEnd());
			requirePlausibleRatio(problems, "totalAssetsStart", Messages.text("label.totalAssetTurnover"),
					s.salesRevenue(), s.totalAssetsStart().add(s.totalAssetsEnd()).divide(TWO));
		}
		return problems;
	}

	private static void requireWithinRange(Map<String, String> problems, String key, String label, BigDecimal value) {
		if (value != null && !problems.containsKey(key) && value.abs().compareTo(Inputs.MAX_AMOUNT) > 0) {
			problems.put(key, Messages.text("investigation.figureTooLarge", label, value.toPlainString(),
					Inputs.MAX_AMOUNT.toPlainString()));
		}
	}

	private static void requirePlausibleRatio(Map<String, String> problems, String key, String name,
			BigDecimal numerator, BigDecimal denominator) {
		BigDecimal ratio = ratio(numerator, denominator);
		if (ratio.abs().compareTo(RATIO_LIMIT) > 0) {
			problems.put(key, Messages.text("investigation.implausibleRatio", name, ratio.toPlainString(),
					RATIO_LIMIT.toString()));
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
			problems.put(key, Messages.text("investigation.figureMissing", label));
		}
		else if (value.signum() < 0) {
			problems.put(key, Messages.text("investigation.figureNegative", label, value.toPlainString()));
		}
	}

	private static void requirePositive(Map<String, String> problems, String key, String label, BigDecimal value,
			String why) {
		if (value == null) {
			problems.put(key, Messages.text("investigation.figureMissing", label));
		}
		else if (value.signum() <= 0) {
			problems.put(key, Messages.text("investigation.figureNotPositive", label, value.toPlainString(), why));
		}
	}

}
