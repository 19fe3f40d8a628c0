package com.creditdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** DSO, CEI and shares against hand-computed examples. */
class KpiFormulasTests {

	private static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	@Test
	void dsoIsEndingReceivablesOverCreditSalesTimesDays() {
		// 300,000 open after selling 900,000 on credit in 90 days: 30 days of sales outstanding
		assertThat(KpiFormulas.dso(d("300000.00"), d("900000.00"), 90)).isEqualByComparingTo("30.0");
		// 7,000 × 31 / 7,500.50 = 28.93…
		assertThat(KpiFormulas.dso(d("7000.00"), d("7500.50"), 31)).isEqualByComparingTo("28.9");
	}

	@Test
	void dsoIsUndefinedWithoutCreditSales() {
		assertThat(KpiFormulas.dso(d("5000.00"), d("0.00"), 30)).isNull();
	}

	@Test
	void ceiIsWhatWasCollectedOfWhatWasCollectable() {
		// (200,000 + 900,000 − 300,000) / (200,000 + 900,000 − 250,000) = 800,000 / 850,000 = 94.1 %
		assertThat(KpiFormulas.cei(d("200000"), d("900000"), d("300000"), d("250000"))).isEqualByComparingTo("94.1");
		// everything collected: 100 %
		assertThat(KpiFormulas.cei(d("1000"), d("500"), d("0"), d("0"))).isEqualByComparingTo("100.0");
		// nothing collected of 13,500.50 collectable, 6,500.50 of it collected: 48.15… rounds half up to 48.2
		assertThat(KpiFormulas.cei(d("6000.00"), d("7500.50"), d("7000.00"), d("0.00"))).isEqualByComparingTo("48.2");
	}

	@Test
	void ceiIsUndefinedWhenNothingWasCollectable() {
		assertThat(KpiFormulas.cei(d("0"), d("0"), d("0"), d("0"))).isNull();
	}

	@Test
	void percentOfAWhole() {
		assertThat(KpiFormulas.percent(d("8000"), d("50000"))).isEqualByComparingTo("16.0");
		assertThat(KpiFormulas.percent(d("1"), d("0"))).isNull();
	}

}
