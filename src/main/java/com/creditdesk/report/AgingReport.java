package com.creditdesk.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Receivables aging as of a date (账龄分析): open amounts by days past due and by the year the invoice was issued.
 *
 * @param asOf the date the aging is computed for; payments and credit notes dated later do not count
 * @param groupBy what each row is: {@code customer}, {@code rep}, {@code region} or {@code total}
 * @param rows one row per group, largest open amount first
 * @param total all rows added up
 */
public record AgingReport(LocalDate asOf, String groupBy, List<Row> rows, Row total) {

	/** Days-past-due buckets, in order. */
	public static final List<String> BUCKETS = List.of("current", "1-30", "31-60", "61-90", "91-180", "over180");

	/** Origin-year buckets, in order: the as-of year, the year before, two years before, older. */
	public static final List<String> YEARS = List.of("thisYear", "lastYear", "twoYearsAgo", "older");

	/**
	 * @param key the customer id, rep, region or "total"
	 * @param label what a person reads (customer name, rep, region)
	 * @param flags e.g. VANISHED or CREDIT_HOLD for customers
	 * @param byDays open amount per days-past-due bucket ({@link #BUCKETS})
	 * @param byYear open amount per origin year ({@link #YEARS})
	 */
	public record Row(String key, String label, String flags, BigDecimal open, List<BigDecimal> byDays,
			List<BigDecimal> byYear, long invoices) {
	}

}
