package com.creditdesk.receivable;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How much of a payment (or a credit note) settled which invoice. */
@Entity
@Table(name = "payment_allocation")
class PaymentAllocation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long paymentId;

	private Long creditNoteId;

	private long receivableId;

	private BigDecimal amount;

	private Instant allocatedAt;

	protected PaymentAllocation() {
	}

	PaymentAllocation(Long paymentId, Long creditNoteId, long receivableId, BigDecimal amount) {
		this.paymentId = paymentId;
		this.creditNoteId = creditNoteId;
		this.receivableId = receivableId;
		this.amount = amount;
		this.allocatedAt = Instant.now();
	}

	Long getPaymentId() {
		return paymentId;
	}

	long getReceivableId() {
		return receivableId;
	}

	BigDecimal getAmount() {
		return amount;
	}

}
