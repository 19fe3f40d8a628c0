package com.creditdesk.scoring;

import java.math.BigDecimal;

/**
 * The statement figures of one period as the rep enters them (CNY). Any may be {@code null} when missing.
 */
public record FinancialStatement(BigDecimal quickAssets, BigDecimal currentLiabilities, BigDecimal totalLiabilities,
		BigDecimal totalAssetsStart, BigDecimal totalAssetsEnd, BigDecimal salesRevenue, BigDecimal netProfit) {

}
