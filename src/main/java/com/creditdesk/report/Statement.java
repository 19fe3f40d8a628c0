package com.creditdesk.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer's statement of account (对账单) for a period: the balance brought forward, every invoice, payment,
 * credit note and write-off in the period with the running balance, the closing balance, and the open items at
 * the end of the period with their days overdue. Closing balance = open items − payments not yet applied.
 */
public record Statement(long customerId, String customerName, String creditCode, String address, String responsibleRep,
		LocalDate from, LocalDate to, BigDecimal openingBalance, List<Line> lines, BigDecimal invoiced, BigDecimal paid,
		BigDecimal credited, BigDecimal writtenOff, BigDecimal closingBalance, List<OpenItem> openItems,
		BigDecimal openItemsTotal, BigDecimal overdueTotal, BigDecimal unappliedCredit) {

	/** One movement: an invoice is a debit, a payment, credit note or write-off a credit. */
	public record Line(LocalDate date, String kind, String reference, String detail, BigDecimal debit, BigDecimal credit,
			BigDecimal balance) {
	}

	/** An invoice still open at the end of the period. */
	public record OpenItem(String invoiceNumber, LocalDate invoiceDate, LocalDate dueDate, BigDecimal amount,
			BigDecimal openAmount, long daysOverdue) {
	}

}
