package com.creditdesk.receivable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An invoice the customer owes (应收账款). How much of it an approved credit limit covered, and under which
 * decision, is fixed when it posts: an uncovered amount is the responsible rep's full responsibility if it is
 * ever written off.
 */
@Entity
@Table(name = "receivable")
public class Receivable {

	public enum Status {

		OPEN, PAID, WRITTEN_OFF

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long customerId;

	private String invoiceNumber;

	private String orderReference;

	private LocalDate invoiceDate;

	private LocalDate dueDate;

	private BigDecimal amount;

	private BigDecimal openAmount;

	private String currency;

	private String responsibleRep;

	private BigDecimal coveredAmount;

	private Long creditDecisionId;

	@Enumerated(EnumType.STRING)
	private Status status;

	private Instant postedAt;

	private BigDecimal writtenOffAmount = BigDecimal.ZERO.setScale(2);

	private Instant writtenOffAt;

	@Version
	private long version;

	protected Receivable() {
	}

	Receivable(long customerId, String invoiceNumber, String orderReference, LocalDate invoiceDate, LocalDate dueDate,
			BigDecimal amount, String responsibleRep, BigDecimal coveredAmount, Long creditDecisionId) {
		this.customerId = customerId;
		this.invoiceNumber = invoiceNumber;
		this.orderReference = orderReference;
		this.invoiceDate = invoiceDate;
		this.dueDate = dueDate;
		this.amount = amount;
		this.openAmount = amount;
		this.currency = "CNY";
		this.responsibleRep = responsibleRep;
		this.coveredAmount = coveredAmount;
		this.creditDecisionId = creditDecisionId;
		this.status = Status.OPEN;
		this.postedAt = Instant.now();
	}

	/** Applies up to {@code available} to the open amount; returns what was applied. */
	BigDecimal settle(BigDecimal available) {
		BigDecimal applied = available.min(openAmount);
		openAmount = openAmount.subtract(applied);
		if (openAmount.signum() == 0) {
			status = Status.PAID;
		}
		return applied;
	}

	/** Writes the open amount off as bad debt; returns the amount written off. */
	BigDecimal writeOff() {
		BigDecimal written = openAmount;
		writtenOffAmount = written;
		openAmount = BigDecimal.ZERO.setScale(2);
		status = Status.WRITTEN_OFF;
		writtenOffAt = Instant.now();
		return written;
	}

	public BigDecimal getWrittenOffAmount() {
		return writtenOffAmount;
	}

	public Long getId() {
		return id;
	}

	public long getCustomerId() {
		return customerId;
	}

	public String getInvoiceNumber() {
		return invoiceNumber;
	}

	public String getOrderReference() {
		return orderReference;
	}

	public LocalDate getInvoiceDate() {
		return invoiceDate;
	}

	public LocalDate getDueDate() {
		return dueDate;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public BigDecimal getOpenAmount() {
		return openAmount;
	}

	public String getCurrency() {
		return currency;
	}

	public String getResponsibleRep() {
		return responsibleRep;
	}

	public BigDecimal getCoveredAmount() {
		return coveredAmount;
	}

	public Long getCreditDecisionId() {
		return creditDecisionId;
	}

	public Status getStatus() {
		return status;
	}

	public Instant getPostedAt() {
		return postedAt;
	}

}
