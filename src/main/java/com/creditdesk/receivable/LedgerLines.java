package com.creditdesk.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the ERP feeds in: invoices, payments and credit notes. */
public final class LedgerLines {

	private LedgerLines() {
	}

	/**
	 * @param customerId the customer's id, or null when {@code customerCode} (unified social credit code) names it
	 */
	public record InvoiceLine(Long customerId, String customerCode, String invoiceNumber, String orderReference,
			LocalDate invoiceDate, LocalDate dueDate, BigDecimal amount, String currency) {
	}

	/** @param invoiceNumbers invoices the payment names, settled in that order; empty: oldest due first */
	public record PaymentLine(Long customerId, String customerCode, String reference, LocalDate paymentDate,
			BigDecimal amount, List<String> invoiceNumbers) {

		public PaymentLine {
			invoiceNumbers = invoiceNumbers == null ? List.of() : List.copyOf(invoiceNumbers);
		}

	}

	public record CreditNoteLine(Long customerId, String customerCode, String noteNumber, String invoiceNumber,
			LocalDate noteDate, BigDecimal amount, String reason) {
	}

	public enum Posting {

		POSTED, ALREADY_POSTED

	}

	public record PostingResult(Posting posting, long id, String message) {
	}

	/** One bad line of a feed: its line number (1 = the first data line after the header) and why. */
	public record LineError(int line, String reason) {
	}

}
