package com.creditdesk.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The receivables KPIs' arithmetic, kept apart so each formula has its own exact tests. */
final class KpiFormulas {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private KpiFormulas() {
	}

	/**
	 * Days sales outstanding: ending receivables / credit sales of the period × days in the period (one decimal);
	 * null without credit sales.
	 */
	static BigDecimal dso(BigDecimal endingReceivables, BigDecimal creditSales, long days) {
		if (creditSales.signum() <= 0) {
			return null;
		}
		return endingReceivables.multiply(BigDecimal.valueOf(days)).divide(creditSales, 1, RoundingMode.HALF_UP);
	}

	/**
	 * Collection effectiveness index, in percent (one decimal): what was collected of what could be collected,
	 * (beginning receivables + credit sales − ending receivables) / (beginning receivables + credit sales − ending
	 * current receivables) × 100; null when nothing was collectable.
	 */
	static BigDecimal cei(BigDecimal beginning, BigDecimal creditSales, BigDecimal ending, BigDecimal endingCurrent) {
		BigDecimal collectable = beginning.add(creditSales).subtract(endingCurrent);
		if (collectable.signum() <= 0) {
			return null;
		}
		return beginning.add(creditSales).subtract(ending).multiply(HUNDRED).divide(collectable, 1, RoundingMode.HALF_UP);
	}

	/** A part of a whole in percent (one decimal); null when the whole is zero. */
	static BigDecimal percent(BigDecimal part, BigDecimal whole) {
		return whole.signum() == 0 ? null : part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP);
	}

}
