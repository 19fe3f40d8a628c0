package com.creditdesk.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Money is CNY with two decimals; shown with thousands separators. */
public final class Money {

	private Money() {
	}

	/** Two decimals, half-up: the scale every amount is stored with. */
	public static BigDecimal of(BigDecimal amount) {
		return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
	}

	/** Converts what Camunda Forms and JSON deliver (Integer, Long, Double, String) without binary noise. */
	public static BigDecimal of(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof BigDecimal decimal) {
			return of(decimal);
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short) {
			return of(BigDecimal.valueOf(((Number) value).longValue()));
		}
		if (value instanceof Number number) {
			return of(new BigDecimal(number.toString()));
		}
		String text = value.toString().replace(",", "").trim();
		if (text.isEmpty()) {
			return null;
		}
		try {
			return of(new BigDecimal(text));
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("'" + value + "' is not an amount", e);
		}
	}

	/** e.g. "CNY 1,234,567.00". */
	public static String format(BigDecimal amount) {
		return amount == null ? "" : "CNY " + plain(amount);
	}

	/** e.g. "1,234,567.00". */
	public static String plain(BigDecimal amount) {
		return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
			.format(amount.setScale(2, RoundingMode.HALF_UP));
	}

}
