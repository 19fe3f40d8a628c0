package com.creditdesk.receivable;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The answer of a credit check for one order, and the credit it holds until the order is invoiced or cancelled.
 */
@Entity
@Table(name = "order_reservation")
class OrderReservation {

	enum Status {

		/** Holds credit for the order. */
		ACTIVE,
		/** The invoice for the order posted. */
		CONSUMED,
		/** The order was cancelled. */
		CANCELLED,
		/** Cash only: nothing held. */
		NO_CREDIT

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long customerId;

	private String orderReference;

	private BigDecimal orderAmount;

	private BigDecimal creditAmount;

	private BigDecimal cashAmount;

	@Enumerated(EnumType.STRING)
	private CreditCheckOutcome outcome;

	private String reason;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String checkedBy;

	private Instant checkedAt;

	private Instant closedAt;

	protected OrderReservation() {
	}

	OrderReservation(long customerId, String orderReference) {
		this.customerId = customerId;
		this.orderReference = orderReference;
	}

	void record(BigDecimal orderAmount, BigDecimal creditAmount, CreditCheckOutcome outcome, String reason,
			String checkedBy) {
		this.orderAmount = orderAmount;
		this.creditAmount = creditAmount;
		this.cashAmount = orderAmount.subtract(creditAmount);
		this.outcome = outcome;
		this.reason = reason;
		this.status = creditAmount.signum() > 0 ? Status.ACTIVE : Status.NO_CREDIT;
		this.checkedBy = checkedBy;
		this.checkedAt = Instant.now();
		this.closedAt = null;
	}

	/** @return the credit it held, now released */
	BigDecimal close(Status closing) {
		BigDecimal held = status == Status.ACTIVE ? creditAmount : BigDecimal.ZERO;
		status = closing;
		closedAt = Instant.now();
		return held;
	}

	Long getId() {
		return id;
	}

	long getCustomerId() {
		return customerId;
	}

	String getOrderReference() {
		return orderReference;
	}

	BigDecimal getOrderAmount() {
		return orderAmount;
	}

	BigDecimal getCreditAmount() {
		return creditAmount;
	}

	BigDecimal getCashAmount() {
		return cashAmount;
	}

	CreditCheckOutcome getOutcome() {
		return outcome;
	}

	String getReason() {
		return reason;
	}

	Status getStatus() {
		return status;
	}

	Instant getCheckedAt() {
		return checkedAt;
	}

}
