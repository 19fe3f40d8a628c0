package com.creditdesk.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Receivables KPIs for a period, for the customers the user may see.
 * @param dso days sales outstanding (ending receivables / credit sales × days)
 * @param cei collection effectiveness index in percent
 * @param utilisation exposure / approved limits of the customers with a limit, in percent
 */
public record Kpis(LocalDate from, LocalDate to, long days, BigDecimal beginningReceivables, BigDecimal creditSales,
		BigDecimal endingReceivables, BigDecimal endingCurrent, BigDecimal endingOverdue, BigDecimal dso, BigDecimal cei,
		BigDecimal overdueShare, BigDecimal totalLimits, BigDecimal totalExposure, BigDecimal utilisation,
		List<CustomerUtilisation> customers, List<GradeCount> gradeMix, List<RepLosses> writeOffs,
		List<PersonLiability> liabilities) {

	public record CustomerUtilisation(long customerId, String name, String grade, BigDecimal limit, BigDecimal exposure,
			BigDecimal utilisation) {
	}

	public record GradeCount(String grade, long customers, BigDecimal limits) {
	}

	/** What was written off in the period, by the rep responsible for the invoices. */
	public record RepLosses(String rep, long invoices, BigDecimal writtenOff) {
	}

	/** The bad-debt liabilities recorded in the period, per person. */
	public record PersonLiability(String person, BigDecimal amount) {
	}

}
