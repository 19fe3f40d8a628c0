package com.creditdesk.scoring;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The policy's benchmark for each ratio, for showing a ratio next to it and whether it meets it.
 */
public enum RatioBenchmark {

	QUICK_RATIO("Quick ratio 速动比率", "1 : 1") {
		@Override
		public boolean meets(BigDecimal value) {
			return value.compareTo(BigDecimal.ONE) >= 0;
		}

		@Override
		public String format(BigDecimal value) {
			return number(value, "0.00##") + " : 1";
		}
	},
	DEBT_TO_ASSET("Debt-to-asset ratio 资产负债率", "about 50 % or less") {
		@Override
		public boolean meets(BigDecimal value) {
			return value.compareTo(new BigDecimal("0.50")) <= 0;
		}

		@Override
		public String format(BigDecimal value) {
			return percent(value);
		}
	},
	ASSET_TURNOVER("Total asset turnover 总资产周转率", "about 4 to 5 times") {
		@Override
		public boolean meets(BigDecimal value) {
			return value.compareTo(BigDecimal.valueOf(4)) >= 0;
		}

		@Override
		public String format(BigDecimal value) {
			return number(value, "0.00##") + " times";
		}
	},
	NET_PROFIT_MARGIN("Net profit margin 销售净利率", "about 15 %") {
		@Override
		public boolean meets(BigDecimal value) {
			return value.compareTo(new BigDecimal("0.15")) >= 0;
		}

		@Override
		public String format(BigDecimal value) {
			return percent(value);
		}
	};

	private final String label;

	private final String benchmark;

	RatioBenchmark(String label, String benchmark) {
		this.label = label;
		this.benchmark = benchmark;
	}

	public abstract boolean meets(BigDecimal value);

	public abstract String format(BigDecimal value);

	public String label() {
		return label;
	}

	/** e.g. "0.85 : 1 — misses the benchmark (1 : 1)". */
	public String assess(BigDecimal value) {
		return format(value) + (meets(value) ? " — meets" : " — misses") + " the benchmark (" + benchmark + ")";
	}

	private static String number(BigDecimal value, String pattern) {
		return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
	}

	private static String percent(BigDecimal value) {
		return number(value.movePointRight(2), "0.0#") + " %";
	}

}
