package com.creditdesk.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.creditdesk.system.InEnglish;

@ExtendWith(InEnglish.class)
class FinancialRatioCalculatorTests {

	private static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	private static FinancialStatement statement(String quick, String currentLiabilities, String totalLiabilities,
			String assetsStart, String assetsEnd, String sales, String profit) {
		return new FinancialStatement(quick == null ? null : d(quick),
				currentLiabilities == null ? null : d(currentLiabilities),
				totalLiabilities == null ? null : d(totalLiabilities), assetsStart == null ? null : d(assetsStart),
				assetsEnd == null ? null : d(assetsEnd), sales == null ? null : d(sales),
				profit == null ? null : d(profit));
	}

	@Test
	void computesTheFourPolicyRatiosAndNetWorth() {
		FinancialRatios ratios = FinancialRatioCalculator
			.compute(statement("1200000", "1000000", "2250000", "4000000", "5000000", "18000000", "1800000"));

		assertThat(ratios.quickRatio()).isEqualByComparingTo("1.2000");
		assertThat(ratios.debtToAssetRatio()).isEqualByComparingTo("0.4500");
		assertThat(ratios.assetTurnover()).isEqualByComparingTo("4.0000");
		assertThat(ratios.netProfitMargin()).isEqualByComparingTo("0.1000");
		assertThat(ratios.netWorth()).isEqualByComparingTo("2750000.00");
		assertThat(ratios.quickRatio().scale()).isEqualTo(4);
	}

	@Test
	void assetTurnoverUsesTheAverageOfOpeningAndClosingAssets() {
		// average (3,000,000 + 5,000,000) / 2 = 4,000,000; not the closing 5,000,000
		FinancialRatios ratios = FinancialRatioCalculator
			.compute(statement("100", "100", "100", "3000000", "5000000", "18000000", "0"));
		assertThat(ratios.assetTurnover()).isEqualByComparingTo("4.5000");
	}

	@Test
	void roundsHalfUpToFourDecimals() {
		FinancialRatios ratios = FinancialRatioCalculator
			.compute(statement("2", "3", "3", "3", "9", "3", "1"));
		assertThat(ratios.quickRatio()).isEqualByComparingTo("0.6667");
		assertThat(ratios.debtToAssetRatio()).isEqualByComparingTo("0.3333");
		assertThat(ratios.netProfitMargin()).isEqualByComparingTo("0.3333");
	}

	@Test
	void aLossGivesANegativeMarginAndDebtsAboveAssetsANegativeNetWorth() {
		FinancialRatios ratios = FinancialRatioCalculator
			.compute(statement("500", "1000", "6000", "5000", "5000", "20000", "-1500"));
		assertThat(ratios.netProfitMargin()).isEqualByComparingTo("-0.0750");
		assertThat(ratios.debtToAssetRatio()).isEqualByComparingTo("1.2000");
		assertThat(ratios.netWorth()).isEqualByComparingTo("-1000.00");
	}

	@Test
	void zeroCurrentLiabilitiesIsNamedNotDividedBy() {
		assertThat(FinancialRatioCalculator.problems(statement("1", "0", "0", "1", "1", "1", "0")))
			.containsOnlyKeys("currentLiabilities")
			.containsValue("Current liabilities must be greater than zero (entered 0): the quick ratio divides by it.");
	}

	@Test
	void negativeAssetsAndMissingFiguresAreEachNamed() {
		assertThat(FinancialRatioCalculator.problems(statement("-5", "10", null, "-1", "0", "0", null)))
			.containsOnlyKeys("quickAssets", "totalLiabilities", "totalAssetsStart", "totalAssetsEnd", "salesRevenue",
					"netProfit")
			.containsEntry("totalLiabilities", "Total liabilities is missing.")
			.containsEntry("netProfit", "Net profit is missing (enter a negative amount for a loss).");
	}

	@Test
	void quickAssetsCannotExceedTotalAssets() {
		assertThat(FinancialRatioCalculator.problems(statement("600", "10", "10", "500", "500", "1", "0")))
			.containsOnlyKeys("quickAssets");
	}

	@Test
	void implausibleFiguresAreNamedForCorrection() {
		assertThat(FinancialRatioCalculator.problems(statement("500", "1000", "6000", "5000", "5000", "20000", "20001")))
			.containsOnlyKeys("netProfit")
			.containsValue("Net profit (20001) cannot exceed sales revenue (20000): check the two figures.");
		assertThat(FinancialRatioCalculator.problems(statement("500", "7000", "6000", "5000", "5000", "20000", "100")))
			.containsOnlyKeys("currentLiabilities");
		assertThat(FinancialRatioCalculator.problems(statement("1200000", "0.01", "2250000", "4000000", "5000000",
				"18000000", "1800000")))
			.as("a quick ratio of 120,000,000 cannot be stored and is no real company's")
			.containsOnlyKeys("currentLiabilities")
			.hasValueSatisfying(new org.assertj.core.api.Condition<>(m -> m.contains("quick ratio of 120000000.0000"),
					"names the ratio"));
		assertThat(FinancialRatioCalculator.problems(statement("1", "1", "1", "1", "1E20", "1", "0")))
			.containsKey("totalAssetsEnd");
	}

	@Test
	void computeRefusesInvalidFigures() {
		assertThatThrownBy(() -> FinancialRatioCalculator.compute(statement("1", "0", "0", "1", "1", "1", "0")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Current liabilities");
	}

	@Test
	void assessesEachRatioAgainstItsBenchmark() {
		assertThat(RatioBenchmark.QUICK_RATIO.assess(d("0.85"))).isEqualTo("0.85 : 1 — misses the benchmark (1 : 1)");
		assertThat(RatioBenchmark.QUICK_RATIO.assess(d("1.00"))).isEqualTo("1.00 : 1 — meets the benchmark (1 : 1)");
		assertThat(RatioBenchmark.DEBT_TO_ASSET.assess(d("0.5000")))
			.isEqualTo("50.0 % — meets the benchmark (about 50 % or less)");
		assertThat(RatioBenchmark.DEBT_TO_ASSET.assess(d("0.5001")))
			.isEqualTo("50.01 % — misses the benchmark (about 50 % or less)");
		assertThat(RatioBenchmark.ASSET_TURNOVER.assess(d("3.9999")))
			.isEqualTo("3.9999 times — misses the benchmark (about 4 to 5 times)");
		assertThat(RatioBenchmark.NET_PROFIT_MARGIN.assess(d("0.1500")))
			.isEqualTo("15.0 % — meets the benchmark (about 15 %)");
	}

}
