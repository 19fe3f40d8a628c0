package com.creditdesk.scoring;

import java.math.BigDecimal;

/**
 * The four ratios of the credit policy, each rounded half-up to four decimals, and the net worth (CNY).
 *
 * @param quickRatio quick assets / current liabilities (benchmark 1 : 1)
 * @param debtToAssetRatio total liabilities / total assets at period end, a fraction (benchmark about 0.50)
 * @param assetTurnover sales revenue / ((total assets at start + at end) / 2) (benchmark about 4 to 5)
 * @param netProfitMargin net profit / sales revenue, a fraction (benchmark about 0.15)
 * @param netWorth total assets at period end - total liabilities
 */
public record FinancialRatios(BigDecimal quickRatio, BigDecimal debtToAssetRatio, BigDecimal assetTurnover,
		BigDecimal netProfitMargin, BigDecimal netWorth) {

}
